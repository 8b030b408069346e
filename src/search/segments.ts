/** A piece of text from an article; `match` pieces are the words the reader searched for. */
export interface TextSegment {
  readonly text: string;
  readonly match: boolean;
}

/** Private-use characters FTS5 wraps matches in; text that holds them is shown unmarked. */
export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";

function push(segments: TextSegment[], text: string, match: boolean): void {
  if (text === "") return;
  const last = segments.at(-1);
  if (last && last.match === match)
    segments[segments.length - 1] = { text: last.text + text, match };
  else segments.push({ text, match });
}

/**
 * Turns FTS5 highlight() output into segments of the original text. The index sees the text
 * with ё folded to е (same length), so the pieces are cut from `original` by length to show
 * the reader's own letters. Falls back to one unmarked segment if the two do not line up.
 */
export function segmentsFromMarked(marked: string, original: string): TextSegment[] {
  const plain = original === "" ? [] : [{ text: original, match: false }];
  if (original.includes(MARK_OPEN) || original.includes(MARK_CLOSE)) return plain;
  const segments: TextSegment[] = [];
  let at = 0;
  let match = false;
  let start = 0;
  const flush = (end: number) => {
    const length = end - start;
    push(segments, original.slice(at, at + length), match);
    at += length;
  };
  for (let i = 0; i < marked.length; i++) {
    const ch = marked[i];
    if (ch !== MARK_OPEN && ch !== MARK_CLOSE) continue;
    flush(i);
    match = ch === MARK_OPEN;
    start = i + 1;
  }
  flush(marked.length);
  return at === original.length ? segments : plain;
}

/** Plain text of segments, for places that cannot mark matches (e.g. inline descriptions). */
export function segmentsToText(segments: readonly TextSegment[]): string {
  return segments.map((s) => s.text).join("");
}

/** Default snippet length in characters, about two lines in a Telegram message. */
export const SNIPPET_CHARS = 200;
const LEAD_CHARS = 60;

/**
 * A window of about `size` characters of `segments` around the first match, cut at spaces,
 * with "…" where text was left out and line breaks turned into spaces.
 */
export function snippetOf(segments: readonly TextSegment[], size = SNIPPET_CHARS): TextSegment[] {
  const text = segmentsToText(segments);
  let firstMatch = -1;
  let offset = 0;
  for (const s of segments) {
    if (s.match) {
      firstMatch = offset;
      break;
    }
    offset += s.text.length;
  }
  let start = firstMatch <= LEAD_CHARS ? 0 : firstMatch - LEAD_CHARS;
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < firstMatch ? space + 1 : start;
  }
  let end = Math.min(text.length, start + size);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start + size / 2) end = space;
  }
  const out: TextSegment[] = [];
  if (start > 0) push(out, "…", false);
  offset = 0;
  for (const s of segments) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + s.text.length);
    if (from < to)
      push(out, s.text.slice(from - offset, to - offset).replace(/\s+/g, " "), s.match);
    offset += s.text.length;
  }
  if (end < text.length) push(out, "…", false);
  return out;
}
