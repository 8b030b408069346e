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

const ASCII_WORD = /^[A-Za-z0-9]+$/;

/** Whether a word as written in the article has an index form among `forms`. */
function wordMatches(word: string, language: IndexLanguage, forms: ReadonlySet<string>): boolean {
  if (ASCII_WORD.test(word)) return forms.has(indexForm(word.toLowerCase(), language));
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
    if (!wordMatches(word, language, forms)) return;
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
