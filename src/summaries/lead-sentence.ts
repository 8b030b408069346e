import { candidateSentences } from "./summarize.js";
import { contentTerms } from "./terms.js";

/** How far into the story the lead is looked for. */
const LEAD_WINDOW = 4;
/** A lead shorter than this is rather a caption or a fragment. */
const MIN_LEAD_WORDS = 5;

export interface ArticleText {
  readonly title: string;
  readonly body: string;
}

function headlineOverlap(sentence: string, headline: ReadonlySet<string>): number {
  if (headline.size === 0) return 0;
  const terms = new Set(contentTerms(sentence));
  let shared = 0;
  for (const term of headline) if (terms.has(term)) shared++;
  return shared / headline.size;
}

/**
 * One sentence that says what the article is about, for the day's digest: among the first
 * few story sentences (datelines, time lines, bylines and a repeated headline skipped), the
 * earliest one of reasonable length, preferring one that shares the headline's words.
 * Falls back to the headline when the body has nothing usable.
 */
export function leadSentence(article: ArticleText): string {
  const title = article.title.trim();
  const candidates = candidateSentences(article.body, title || undefined, LEAD_WINDOW);
  const headline = new Set(contentTerms(title));
  let best: string | undefined;
  let bestScore = -1;
  candidates.forEach((sentence, i) => {
    const wordTotal = sentence.split(/\s+/).length;
    const lengthFactor = Math.min(1, wordTotal / MIN_LEAD_WORDS);
    const score = lengthFactor * (1 / (1 + i) + 0.5 * headlineOverlap(sentence, headline));
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  });
  return best ?? title;
}
