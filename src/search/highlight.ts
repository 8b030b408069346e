import type { SearchArticleRow } from "../db/search-repository.js";
import { indexLanguageOf } from "./language.js";
import type { TextSegment } from "./segments.js";
import { type IndexLanguage, indexForm } from "./word-forms.js";
import { scanWords, wordsOf } from "./words.js";

/** An article's headline and text cut into segments, the searched words marked. */
export interface MarkedArticle {
  readonly titleSegments: TextSegment[];
  readonly bodySegments: TextSegment[];
}

/** Plain lower-case Latin or Russian letters and digits: the word needs no normalising. */
const PLAIN_WORD = /^[a-z0-9а-яё]+$/;

/**
 * The lower-case first letter a word's index form starts with, as a character code, when it
 * can be told without normalising (Latin and Russian letters, digits); else -1.
 */
function plainInitial(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x430 && c <= 0x44f) return c;
  if (c === 0x401 || c === 0x451) return 0x435;
  return -1;
}

/**
 * Whether a word as written in the article has an index form among `forms`. Forms start with
 * the word's own first letter (stems cut endings), so most words are ruled out by it alone,
 * without stemming.
 */
function wordMatches(
  word: string,
  language: IndexLanguage,
  forms: ReadonlySet<string>,
  initials: ReadonlySet<number>,
): boolean {
  const initial = plainInitial(word.charCodeAt(0));
  if (initial >= 0 && !initials.has(initial)) return false;
  const lower = word.toLowerCase();
  if (PLAIN_WORD.test(lower)) return forms.has(indexForm(lower, language));
  for (const w of wordsOf(word)) if (forms.has(indexForm(w, language))) return true;
  return false;
}

/**
 * `text` cut into segments, each word whose index form is one of `forms` marked: the words
 * the index matched, in the article's own spelling (case, ё, accents, any ending).
 */
export function markText(
  text: string,
  language: IndexLanguage,
  forms: ReadonlySet<string>,
): TextSegment[] {
  const initials = new Set([...forms].map((f) => f.charCodeAt(0)));
  const segments: TextSegment[] = [];
  const push = (piece: string, match: boolean) => {
    if (piece === "") return;
    const last = segments.at(-1);
    if (last && last.match === match)
      segments[segments.length - 1] = { text: last.text + piece, match };
    else segments.push({ text: piece, match });
  };
  let at = 0;
  scanWords(text, (start, end) => {
    const word = text.slice(start, end);
    if (!wordMatches(word, language, forms, initials)) return;
    push(text.slice(at, start), false);
    push(word, true);
    at = end;
  });
  push(text.slice(at), false);
  return segments;
}

/**
 * Marks the words of each article that the search matched (`forms`: the index forms looked
 * for, the half-typed word's completions included), by article id. Each article's words are
 * read with the stemmer its text was indexed with.
 */
export function markArticles(
  rows: readonly SearchArticleRow[],
  forms: ReadonlySet<string>,
): Map<number, MarkedArticle> {
  const out = new Map<number, MarkedArticle>();
  for (const row of rows) {
    const language = indexLanguageOf(row.language, row.title, row.body);
    out.set(row.id, {
      titleSegments: markText(row.title, language, forms),
      bodySegments: markText(row.body, language, forms),
    });
  }
  return out;
}
