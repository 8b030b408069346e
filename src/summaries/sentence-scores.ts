import { contentTerms } from "./terms.js";

/** Knobs of the extractive ranking; the defaults were tuned on the dev halves of the corpora. */
export interface SummaryTuning {
  /** Weight of the lead prior (news puts what matters first). */
  readonly positionWeight: number;
  /** How fast the lead prior falls: prior(i) = 1 / (1 + i)^positionDecay. */
  readonly positionDecay: number;
  /** Weight of the similarity to the whole article's centroid. */
  readonly centroidWeight: number;
  /** Weight of the similarity to the headline, when one is given. */
  readonly titleWeight: number;
  /** A sentence this similar (cosine) to one already chosen is skipped. */
  readonly redundancy: number;
  /** Share of the score a quotation loses: a quote is colour, rarely the gist. */
  readonly quotePenalty: number;
  /**
   * With a character budget: how many ranked sentences that do not fit may be passed over
   * for shorter, lower-ranked ones before the summary is closed (filling the gap with a
   * minor sentence costs more precision than it adds recall).
   */
  readonly overflowSkips: number;
  /** Sentences with fewer words are scaled down in proportion. */
  readonly minWords: number;
  /** Sentences with more words are scaled down in proportion (long ones crowd out others). */
  readonly maxWords: number;
  /** Only this many leading sentences are considered, to bound the work on huge texts. */
  readonly maxConsidered: number;
}

export const DEFAULT_TUNING: SummaryTuning = {
  positionWeight: 1,
  positionDecay: 0.3,
  centroidWeight: 0.25,
  titleWeight: 3,
  redundancy: 0.5,
  quotePenalty: 0.2,
  overflowSkips: 0,
  minWords: 10,
  maxWords: 50,
  maxConsidered: 150,
};

/** Quotes someone: opens with a quote mark or a speech dash, or holds an opening quote mark. */
const QUOTATION = /^\s*["“”«‘'—–-]|[“«‘]|(?:^|\s)"/u;

export type TermVector = Map<string, number>;

/** Unit-length tf-idf vectors, with idf taken over the article's own sentences. */
export function termVectors(sentences: readonly string[]): TermVector[] {
  const termLists = sentences.map(contentTerms);
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) {
    for (const term of new Set(terms)) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const n = sentences.length;
  return termLists.map((terms) => {
    const vector: TermVector = new Map();
    for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + 1);
    for (const [term, tf] of vector) {
      vector.set(term, tf * Math.log(1 + n / (documentFrequency.get(term) ?? 1)));
    }
    return normalise(vector);
  });
}

function normalise(vector: TermVector): TermVector {
  let norm = 0;
  for (const w of vector.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, w] of vector) vector.set(term, w / norm);
  return vector;
}

/** Cosine similarity of two unit-length vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}

function centroid(vectors: readonly TermVector[]): TermVector {
  const sum: TermVector = new Map();
  for (const v of vectors) for (const [term, w] of v) sum.set(term, (sum.get(term) ?? 0) + w);
  return normalise(sum);
}

function titleVector(title: string): TermVector {
  const vector: TermVector = new Map();
  for (const term of contentTerms(title)) vector.set(term, 1);
  return normalise(vector);
}

/**
 * One score per sentence: lead prior + centrality (cosine to the article centroid)
 * + headline similarity, scaled down for quotations and for very short or very long
 * sentences (a long one is often a photo caption glued to the text).
 */
export function scoreSentences(
  sentences: readonly string[],
  vectors: readonly TermVector[],
  title: string | undefined,
  tuning: SummaryTuning,
): number[] {
  const middle = centroid(vectors);
  const headline = title ? titleVector(title) : undefined;
  return sentences.map((sentence, i) => {
    const vector = vectors[i]!;
    const prior = 1 / (1 + i) ** tuning.positionDecay;
    let score =
      tuning.positionWeight * prior +
      tuning.centroidWeight * cosine(vector, middle) +
      (headline ? tuning.titleWeight * cosine(vector, headline) : 0);
    if (QUOTATION.test(sentence)) score *= 1 - tuning.quotePenalty;
    const wordTotal = sentence.split(/\s+/).length;
    if (wordTotal < tuning.minWords) score *= wordTotal / tuning.minWords;
    if (wordTotal > tuning.maxWords) score *= tuning.maxWords / wordTotal;
    return score;
  });
}
