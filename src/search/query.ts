import { type IndexLanguage, queryForms } from "./word-forms.js";
import { normaliseText, scanWords } from "./words.js";

/** The longest input read; anything after it is ignored rather than refused. */
export const MAX_QUERY_CHARS = 1000;
/** More words than this narrow a search to nothing useful and only cost time. */
export const MAX_TERMS = 8;
const MAX_TERM_CHARS = 64;
/** Shorter beginnings match too many words to be worth a prefix search. */
export const MIN_PREFIX_CHARS = 3;
/** Upper-case words FTS5 would read as operators; a reader typing them meant nothing by them. */
const OPERATORS = new Set(["AND", "OR", "NOT", "NEAR"]);

/** A reader's query reduced to plain words, safe to quote into an FTS5 expression. */
export interface ParsedQuery {
  /** Lower-cased words of letters, digits and combining marks, ё folded to е, no duplicates. */
  readonly terms: readonly string[];
  /** The last word ends the input (no space after it), so the reader may be mid-word. */
  readonly lastIsPartial: boolean;
}

/** Folds ё into е, as the index does. */
export function foldYo(text: string): string {
  return text.replace(/ё/g, "е").replace(/Ё/g, "Е");
}

/**
 * Reduces any string to search words, read the way articles are indexed (src/search/words.ts):
 * keeps runs of letters, digits and marks, drops everything else (quotes, `*`, `^`, `:`,
 * brackets, control characters, emoji) and the operator words. Never throws.
 */
export function parseQuery(input: string): ParsedQuery {
  const text = foldYo(String(input).slice(0, MAX_QUERY_CHARS).normalize("NFKC"));
  const words: string[] = [];
  let lastEnd = -1;
  scanWords(text, (start, end) => {
    words.push(text.slice(start, end));
    lastEnd = end;
  });
  const terms: string[] = [];
  for (const word of words) {
    if (OPERATORS.has(word) || !/[\p{L}\p{N}]/u.test(word)) continue;
    const term = normaliseText(word).slice(0, MAX_TERM_CHARS);
    if (!terms.includes(term)) terms.push(term);
  }
  const kept = terms.slice(0, MAX_TERMS);
  const lastWord = words.at(-1);
  const lastIsPartial =
    kept.length > 0 &&
    lastWord !== undefined &&
    lastEnd === text.length &&
    normaliseText(lastWord).slice(0, MAX_TERM_CHARS) === kept.at(-1) &&
    lastWord.length >= MIN_PREFIX_CHARS;
  return { terms: kept, lastIsPartial };
}

/** One index form as an FTS5 string (forms are letters and digits: never a quote). */
export function quoteTerm(form: string): string {
  return `"${form}"`;
}

/** Any of `forms` (an FTS5 expression); `null` when there is none to look for. */
export function anyOf(forms: readonly string[]): string | null {
  if (forms.length === 0) return null;
  if (forms.length === 1) return quoteTerm(forms[0]!);
  return `(${forms.map(quoteTerm).join(" OR ")})`;
}

/** The FTS5 expression for one reader's word: any of its forms in the archive's languages. */
export function termMatch(term: string, languages: ReadonlySet<IndexLanguage>): string {
  return anyOf(queryForms(term, languages).filter((f) => f !== "")) ?? quoteTerm(term);
}

/** Every word's expression must match (FTS5 AND). */
export function matchAll(matches: readonly string[]): string {
  return matches.join(" AND ");
}

/** Articles whose headline matches `match` (column filter written by us, never by the reader). */
export function matchInTitle(match: string): string {
  return `{title} : ${match.startsWith("(") ? match : `(${match})`}`;
}
