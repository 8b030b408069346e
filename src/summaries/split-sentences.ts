import { ALWAYS_CONTINUES, MAY_END_SENTENCE } from "./abbreviations.js";

/**
 * A sentence end glued to the next sentence, as scraped pages often have it:
 * "by the community.Dr Venter", 'wasted."Life was' (a straight quote there opens the next
 * sentence; a curly closing one stays with the first). Needs two lower-case letters (or a digit,
 * a closing bracket, a per cent sign) before it and a capitalised word after it, so "Ph.D",
 * "U.S.A", "bbc.co.uk" and "$1.2bn" stay whole.
 */
const GLUED_END = /(?<=\p{Ll}{2}|[\d%)\]])([.!?]+[”’»]?)(?=["“«(]?\p{Lu}\p{Ll})/gu;

/** An ellipsis character followed by a capitalised word; ICU does not treat "…" as an end. */
const ELLIPSIS_BREAK = /(?<=…["”’»]?)\s+(?=["“«(]?\p{Lu})/u;

/** In lower-cased text (some wire archives): a terminator, optional closing quotes, a space. */
const LOWER_CASE_END = /[.!?…]+["”’»)]*\s+/gu;

const OPENING_PUNCTUATION = /^[("“«'‘[]+/u;
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;

/** ICU's sentence segmenter slows down sharply on long strings, so it is fed chunks this long. */
const CHUNK_CHARS = 5000;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: "sentence" });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

function guessLocale(text: string): string {
  const sample = text.slice(0, 2000);
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cyrillic > latin ? "ru" : "en";
}

/**
 * Lines (each keeps its "\n", so it stays a boundary), with over-long lines cut after the
 * last likely sentence end (or space) before CHUNK_CHARS; a wrong cut is re-joined later.
 */
function chunks(text: string): string[] {
  const result: string[] = [];
  for (let line of text.split(/(?<=\n)/)) {
    while (line.length > CHUNK_CHARS) {
      const head = line.slice(0, CHUNK_CHARS);
      const ends = [...head.matchAll(/[.!?…]["”’»]?\s+/gu)];
      const lastEnd = ends[ends.length - 1];
      let cut = lastEnd ? lastEnd.index + lastEnd[0].length : head.lastIndexOf(" ") + 1;
      if (cut <= 0) cut = CHUNK_CHARS;
      result.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    if (line) result.push(line);
  }
  return result;
}

/** True for text written all in lower case, where capitals cannot mark sentence starts. */
function isLowerCased(text: string): boolean {
  const sample = text.slice(0, 5000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const upper = sample.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 40 && upper / letters < 0.005;
}

/** The last word of a piece, without opening brackets or quotes. */
function lastToken(piece: string): string {
  const words = piece.trimEnd().split(/\s+/);
  return (words[words.length - 1] ?? "").replace(OPENING_PUNCTUATION, "");
}

function startsLowerOrDigit(piece: string): boolean {
  return /^[\s"“«'‘(]*[\p{Ll}\d]/u.test(piece);
}

/** Does `piece` end with an abbreviation or initial that runs on into `next`? */
function runsOn(piece: string, next: string, lowerCased: boolean): boolean {
  if (/\n\s*$/.test(piece)) return false;
  const token = lastToken(piece);
  if (!token.endsWith(".") || token.endsWith("..")) {
    // ICU breaks after "!"/"?" and closing quotes even before a lower-case word ('"Go!" he said').
    return !lowerCased && /^[\s"“«'‘(]*\p{Ll}/u.test(next);
  }
  const word = token.slice(0, -1).toLowerCase();
  if (ALWAYS_CONTINUES.has(word)) return true;
  if (MAY_END_SENTENCE.has(word)) return startsLowerOrDigit(next);
  if (INITIALS.test(token)) return true;
  return !lowerCased && /^[\s"“«'‘(]*\p{Ll}/u.test(next);
}

/** Splits one run of lower-cased text at terminators that do not follow an abbreviation. */
function splitLowerCased(piece: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of piece.matchAll(LOWER_CASE_END)) {
    const end = match.index + match[0].length;
    const before = piece.slice(start, match.index + match[0].trimEnd().length);
    const token = lastToken(before.replace(/["”’»)]+$/u, ""));
    const word = token.replace(/[.!?…]+$/u, "").toLowerCase();
    const isAbbreviation =
      token.endsWith(".") &&
      (ALWAYS_CONTINUES.has(word) || MAY_END_SENTENCE.has(word) || /^\p{L}$/u.test(word));
    if (isAbbreviation || end >= piece.length) continue;
    parts.push(piece.slice(start, end));
    start = end;
  }
  parts.push(piece.slice(start));
  return parts;
}

function tidy(sentence: string): string {
  return sentence.replace(/\s+/g, " ").trim();
}

/**
 * Splits English or Russian text into sentences.
 *
 * Intl.Segmenter finds candidate boundaries; pieces are then re-joined where the break
 * came after an abbreviation ("Mr.", "e.g.", "т.е.", "г." before a number), an initial
 * ("J. K. Rowling", "А. С. Пушкин") or before a lower-case word, and split where a page
 * glued two sentences together ("community.Dr") or an ellipsis ends one. Lines are
 * always boundaries, so a headline or a time line stays a sentence of its own.
 * Never throws; returns [] for text without any letter or digit.
 */
export function splitSentences(text: string): string[] {
  const clean = text.replace(/\r\n?/g, "\n").replace(GLUED_END, "$1 ");
  if (!/[\p{L}\p{N}]/u.test(clean)) return [];
  const lowerCased = isLowerCased(clean);
  const segmenter = segmenterFor(guessLocale(clean));
  const pieces = chunks(clean).flatMap((chunk) =>
    Array.from(segmenter.segment(chunk), (s) => s.segment),
  );

  const joined: string[] = [];
  for (const piece of pieces) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && runsOn(previous, piece, lowerCased)) {
      joined[joined.length - 1] = previous + piece;
    } else {
      joined.push(piece);
    }
  }

  return joined
    .flatMap((piece) => piece.split(ELLIPSIS_BREAK))
    .flatMap((piece) => (lowerCased ? splitLowerCased(piece) : [piece]))
    .map(tidy)
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}
