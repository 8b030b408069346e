import { createHash } from "node:crypto";

/** Per UTF-16 unit: 0 not yet known, 1 part of a word (letter or digit), 2 separator. */
const WORD_UNIT = new Uint8Array(65536);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Width in UTF-16 units of the word character at `i` (1 or 2), or 0 for a separator. */
function wordUnitWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    // An astral character (rare scripts, emoji): rare enough to test directly.
    const pair = text.slice(i, i + 2);
    return LETTER_OR_DIGIT.test(pair) ? 2 : 0;
  }
  let kind = WORD_UNIT[c]!;
  if (kind === 0) {
    kind = LETTER_OR_DIGIT.test(text[i]!) ? 1 : 2;
    WORD_UNIT[c] = kind;
  }
  return kind === 1 ? 1 : 0;
}

/** Reused between calls: the normalised text is written here, one UTF-16 unit at a time. */
let units = new Uint16Array(8192);
const utf16 = new TextDecoder("utf-16le");
const SPACE = 0x20;
const YO = 0x451;
const YE = 0x435;

/** Texts longer than this get a buffer of their own, so one huge text is not kept for good. */
const KEPT_BUFFER_UNITS = 65_536;

/**
 * Lower-cases, folds ё to е, keeps only runs of letters and digits, one space between.
 * A hand-written scan (a Unicode-class regex costs twice as much) that writes into a reused
 * buffer instead of collecting the words and joining them.
 */
export function normaliseForHash(text: string): string {
  const s = text.normalize("NFKC").toLowerCase();
  if (units.length < s.length) {
    if (s.length > KEPT_BUFFER_UNITS) return scanInto(s, new Uint16Array(s.length));
    units = new Uint16Array(s.length * 2);
  }
  return scanInto(s, units);
}

function scanInto(s: string, buffer: Uint16Array): string {
  let length = 0;
  let inWord = false;
  for (let i = 0; i < s.length; ) {
    const width = wordUnitWidth(s, i);
    if (width === 0) {
      inWord = false;
      i += 1;
      continue;
    }
    if (!inWord && length > 0) buffer[length++] = SPACE;
    inWord = true;
    const unit = s.charCodeAt(i);
    buffer[length++] = unit === YO ? YE : unit;
    if (width === 2) buffer[length++] = s.charCodeAt(i + 1);
    i += width;
  }
  return utf16.decode(buffer.subarray(0, length));
}

/** A stable fingerprint of an article's headline and text, blind to formatting noise. */
export function contentHash(title: string, body: string): string {
  return createHash("sha256")
    .update(normaliseForHash(title))
    .update("\u0000")
    .update(normaliseForHash(body))
    .digest("hex")
    .slice(0, 32);
}
