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

/** Folds ё into е the way migrations/002-search.sql folds the indexed text. */
export function foldYo(text: string): string {
  return text.replace(/ё/g, "е").replace(/Ё/g, "Е");
}

/**
 * Reduces any string to search words: keeps runs of letters, digits and marks, drops
 * everything else (quotes, `*`, `^`, `:`, brackets, control characters, emoji) and the
 * operator words. Never throws.
 */
export function parseQuery(input: string): ParsedQuery {
  const text = foldYo(String(input).slice(0, MAX_QUERY_CHARS).normalize("NFC"));
  const words = text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    if (OPERATORS.has(word) || !/[\p{L}\p{N}]/u.test(word)) continue;
    const term = word.toLowerCase().slice(0, MAX_TERM_CHARS);
    if (!terms.includes(term)) terms.push(term);
  }
  const kept = terms.slice(0, MAX_TERMS);
  const lastWord = words.at(-1);
  const lastIsPartial =
    kept.length > 0 &&
    lastWord !== undefined &&
    text.endsWith(lastWord) &&
    lastWord.toLowerCase().slice(0, MAX_TERM_CHARS) === kept.at(-1) &&
    lastWord.length >= MIN_PREFIX_CHARS;
  return { terms: kept, lastIsPartial };
}

/** One term as an FTS5 string (its characters cannot include a quote), optionally a prefix. */
export function quoteTerm(term: string, prefix = false): string {
  return `"${term}"${prefix ? "*" : ""}`;
}

/** All terms must match (FTS5's implicit AND); the last one as a prefix when asked. */
export function matchAll(query: ParsedQuery, prefixLast: boolean): string {
  return query.terms
    .map((term, i) => quoteTerm(term, prefixLast && i === query.terms.length - 1))
    .join(" ");
}

/** Articles whose headline holds `term` (column filter written by us, never by the reader). */
export function matchInTitle(term: string, prefix: boolean): string {
  return `{title} : ${quoteTerm(term, prefix)}`;
}
