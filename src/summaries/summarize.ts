import { storySentences } from "./news-noise.js";
import {
  cosine,
  DEFAULT_TUNING,
  type SummaryTuning,
  scoreSentences,
  termVectors,
} from "./sentence-scores.js";
import { splitSentences } from "./split-sentences.js";

/** Text beyond this many characters is not read: a summary comes from the top of a story. */
const MAX_TEXT_CHARS = 100_000;

export interface SummaryOptions {
  /** At most this many sentences (default 3, or unlimited when only maxChars is given). */
  readonly sentences?: number;
  /** At most this many characters, counting one space between sentences. */
  readonly maxChars?: number;
  /** The headline: sentences close to it rank higher, and a copy of it in the body is dropped. */
  readonly title?: string;
  /** Ranking knobs for experiments; the defaults are the tuned ones. */
  readonly tuning?: Partial<SummaryTuning>;
}

function normalised(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The story's sentences once each, without the headline, datelines or page furniture. */
export function candidateSentences(
  text: string,
  title: string | undefined,
  limit: number,
): string[] {
  const seen = new Set<string>(title ? [normalised(title)] : []);
  const result: string[] = [];
  for (const sentence of storySentences(splitSentences(text.slice(0, MAX_TEXT_CHARS)))) {
    const key = normalised(sentence);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    result.push(sentence);
    if (result.length >= limit) break;
  }
  return result;
}

/** Cuts a sentence to at most `maxChars` characters at a word boundary, ending in "…". */
function truncate(sentence: string, maxChars: number): string {
  if (sentence.length <= maxChars) return sentence;
  if (maxChars < 2) return "";
  const cut = sentence.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Extractive summary of a news text: the highest-ranked sentences (lead prior, centrality,
 * headline similarity), skipping near-duplicates, within the sentence and character budget,
 * returned in their original order. Under a character budget the summary closes at the first
 * ranked sentence that does not fit. Never throws: empty text gives []; when even the best
 * sentence does not fit, it comes back cut at a word boundary.
 */
export function summarize(text: string, options: SummaryOptions = {}): string[] {
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const maxSentences = options.sentences ?? (options.maxChars !== undefined ? Infinity : 3);
  const maxChars = options.maxChars ?? Infinity;
  if (maxSentences < 1 || maxChars < 1) return [];

  const sentences = candidateSentences(text, options.title, tuning.maxConsidered);
  if (sentences.length === 0) return [];
  const vectors = termVectors(sentences);
  const scores = scoreSentences(sentences, vectors, options.title, tuning);
  const ranked = sentences.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);

  const chosen: number[] = [];
  let used = 0;
  let skipped = 0;
  for (const i of ranked) {
    if (chosen.length >= maxSentences) break;
    const cost = sentences[i]!.length + (chosen.length > 0 ? 1 : 0);
    if (used + cost > maxChars) {
      if (++skipped > tuning.overflowSkips) break;
      continue;
    }
    if (chosen.some((j) => cosine(vectors[i]!, vectors[j]!) > tuning.redundancy)) continue;
    chosen.push(i);
    used += cost;
  }
  if (chosen.length === 0) {
    const best = truncate(sentences[ranked[0]!]!, maxChars);
    return best ? [best] : [];
  }
  return chosen.sort((a, b) => a - b).map((i) => sentences[i]!);
}
