/** How much a word in the headline counts against the same word in the text. */
export const TITLE_WEIGHT = 10;
/** Days after which a match counts half as much as the same match today. */
export const RECENCY_HALF_DAYS = 14;
const DAY_MS = 86_400_000;

/** One candidate article and which query terms its headline holds. */
export interface Candidate {
  readonly id: number;
  readonly publishedAt: number;
  /** For each query term, whether the headline holds it. */
  readonly inTitle: readonly boolean[];
}

/**
 * BM25's inverse document frequency, from a document count `df` among `total` documents:
 * rare words weigh more than common ones.
 */
export function inverseDocumentFrequency(df: number, total: number): number {
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}

/**
 * BM25 with saturated term frequency (every candidate holds every term: each counts once,
 * weighted by its rarity and TITLE_WEIGHT times more in the headline), times a recency prior
 * 1 / (1 + age / RECENCY_HALF_DAYS days).
 */
export function scoreCandidate(c: Candidate, idf: readonly number[], now: number): number {
  let relevance = 0;
  idf.forEach((weight, i) => {
    relevance += weight * (1 + (c.inTitle[i] ? TITLE_WEIGHT : 0));
  });
  const ageDays = Math.max(0, now - c.publishedAt) / DAY_MS;
  return relevance / (1 + ageDays / RECENCY_HALF_DAYS);
}

/** Candidates best first; ties go to the newer article. */
export function rankCandidates(
  candidates: readonly Candidate[],
  idf: readonly number[],
  now: number,
): Candidate[] {
  const scored = candidates.map((c) => ({ c, score: scoreCandidate(c, idf, now) }));
  scored.sort((a, b) => b.score - a.score || b.c.id - a.c.id);
  return scored.map((s) => s.c);
}
