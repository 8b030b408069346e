import type { SearchRepository } from "../db/search-repository.js";
import { MIN_PREFIX_CHARS } from "./query.js";
import { foldWord } from "./word-forms.js";

/** Completions of a half-typed word looked up at most: each costs one seek in the index. */
export const MAX_COMPLETIONS = 64;
/** Vocabulary entries read to choose them from. */
const COMPLETIONS_READ = 4000;
/** A stem can be this much shorter than a word already typed past it ("governm" → govern). */
const STEM_CUT = 3;
const STEMMED_SCRIPT = /^(?:[a-z]+|[а-я]+)$/;

/**
 * The index forms a half-typed word can stand for: every indexed form that starts with it
 * (the shortest MAX_COMPLETIONS when there are more: short words are the common ones), or,
 * when none does, the indexed stems it has already typed past ("governm" → govern, as
 * "government" is indexed as its stem).
 * Each is then looked up directly, so the newest matches come first without merging every
 * completion's whole list (FTS5's own `word*` query does that merge: ~100 ms for "cont").
 */
export function completionsOf(repo: SearchRepository, partial: string): string[] {
  const prefix = foldWord(partial);
  if (prefix.length < MIN_PREFIX_CHARS) return [];
  let starting = repo.termsStarting(prefix, COMPLETIONS_READ);
  if (starting.length > MAX_COMPLETIONS) {
    starting = starting
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
      .slice(0, MAX_COMPLETIONS);
  }
  if (starting.length > 0) return starting;
  const cuts: string[] = [];
  if (STEMMED_SCRIPT.test(prefix)) {
    for (let n = Math.max(MIN_PREFIX_CHARS, prefix.length - STEM_CUT); n < prefix.length; n++)
      cuts.push(prefix.slice(0, n));
  }
  return repo.knownTerms(cuts);
}
