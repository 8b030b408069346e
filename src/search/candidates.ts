import type { SearchRepository } from "../db/search-repository.js";
import { matchInTitle, type ParsedQuery } from "./query.js";
import type { Candidate } from "./ranking.js";
import { DF_SAMPLE } from "./term-frequency.js";

/** A word in more than this share of articles ("the") narrows nothing: it is left out. */
const UBIQUITOUS_SHARE = 0.5;
/**
 * Headline checks that would walk more index entries than this are skipped (the word counts as
 * not in any headline): for a word that common, walking or looking up each candidate costs
 * more than the rest of the search.
 */
const TITLE_WALK_BUDGET = 5_000;

/** A query as the index is asked: one FTS5 expression per reader's word (any of its forms). */
export interface IndexQuery {
  readonly parsed: ParsedQuery;
  readonly matches: readonly string[];
}

/**
 * Leaves out words most of a large archive holds (`dfs`: each word's article count among
 * `total`), unless nothing else would be left.
 */
export function narrow(q: IndexQuery, dfs: number[], total: number) {
  const keep = q.matches.map((_, i) => dfs[i]! < DF_SAMPLE || dfs[i]! < UBIQUITOUS_SHARE * total);
  if (!keep.includes(true) || !keep.includes(false)) return { query: q, dfs };
  const lastKept = keep.at(-1) === true;
  return {
    query: {
      parsed: {
        terms: q.parsed.terms.filter((_, i) => keep[i]),
        lastIsPartial: q.parsed.lastIsPartial && lastKept,
      },
      matches: q.matches.filter((_, i) => keep[i]),
    },
    dfs: dfs.filter((_, i) => keep[i]),
  };
}

/** The matches found (`ids`, newest first) and what ranking them needs. */
export interface Window {
  readonly matches: readonly string[];
  readonly dfs: readonly number[];
  /** The last match is a half-typed word's completions. */
  readonly prefixLast: boolean;
  readonly ids: readonly number[];
  readonly total: number;
}

/**
 * Each matched article with its publication time and which words its headline holds, read
 * from the index by walking the word's entries over the window.
 */
export function candidatesFor(repo: SearchRepository, w: Window): Candidate[] {
  const oldest = w.ids.at(-1) ?? 0;
  const span = Math.max(1, w.total - oldest + 1);
  const titleSets = w.matches.map((match, i) => {
    const isPrefix = w.prefixLast && i === w.matches.length - 1;
    const expectedRows = ((w.dfs[i] ?? 0) / Math.max(1, w.total)) * span;
    if (!isPrefix && expectedRows > TITLE_WALK_BUDGET) return new Set<number>();
    return new Set(repo.matchesFrom(matchInTitle(match), oldest));
  });
  const published = repo.publishedAtMany(w.ids);
  return w.ids.map((id) => ({
    id,
    publishedAt: published.get(id) ?? 0,
    inTitle: titleSets.map((set) => set.has(id)),
  }));
}
