import type { SearchRepository } from "../db/search-repository.js";

/** Matches sampled per term to estimate how common it is. */
export const DF_SAMPLE = 256;
/** Words whose frequency is remembered, and for how long. */
const CACHE_TERMS = 2000;
const CACHE_MS = 5 * 60_000;

/**
 * How many articles hold a word: exact below DF_SAMPLE, else estimated from how far back the
 * newest DF_SAMPLE matches reach. A word's frequency barely moves from one minute to the
 * next and readers search for the same words again and again, so each estimate is remembered
 * for CACHE_MS (the CACHE_TERMS most recently estimated words), which saves an index walk per
 * word of a query.
 */
export function createTermFrequency(repo: SearchRepository, now: () => number) {
  const cache = new Map<string, { df: number; at: number }>();

  function estimate(match: string, total: number): number {
    const sample = repo.newestMatches(match, DF_SAMPLE);
    const oldest = sample.at(-1);
    if (sample.length < DF_SAMPLE || oldest === undefined) return sample.length;
    return Math.min(total, (DF_SAMPLE * total) / Math.max(1, total - oldest + 1));
  }

  return {
    /**
     * Articles matching `match` (one word's FTS5 expression: its forms) among `total` (the
     * highest article id).
     */
    documentFrequency(match: string, total: number): number {
      const t = now();
      const known = cache.get(match);
      if (known && t - known.at < CACHE_MS) return known.df;
      cache.delete(match);
      const df = estimate(match, total);
      cache.set(match, { df, at: t });
      if (cache.size > CACHE_TERMS) cache.delete(cache.keys().next().value as string);
      return df;
    },
  };
}
