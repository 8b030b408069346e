/**
 * Per-feed include / exclude words. A word matches a whole word of the headline or text,
 * case-insensitively, with ё read as е; a word ending in `*` matches every word starting with
 * it (`выбор*` finds выборы, выборах), and several words in one entry match as a phrase.
 */

/** At most this many words per list, each at most MAX_WORD_LENGTH characters. */
export const MAX_WORDS = 50;
export const MAX_WORD_LENGTH = 60;

const fold = (text: string) => text.toLowerCase().replace(/ё/g, "е");

/** The words of a text, folded: letters and digits only. */
function wordsOf(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/**
 * Reads a comma- or newline-separated list an editor typed. `-` (or an empty text) clears it.
 * Returns undefined when there are too many words or one is too long.
 */
export function parseWordList(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "-" || trimmed === "—") return [];
  const entries = trimmed
    .split(/[,;\n]+/)
    .map((w) => {
      const star = w.trim().endsWith("*");
      const words = wordsOf(w).join(" ");
      return words && star ? `${words}*` : words;
    })
    .filter((w) => w !== "");
  const unique = [...new Set(entries)];
  if (unique.length > MAX_WORDS || unique.some((w) => w.length > MAX_WORD_LENGTH)) return undefined;
  return unique;
}

/** True when `entry` (a word, `prefix*` or a phrase) occurs in the folded words. */
function occurs(entry: string, words: readonly string[]): boolean {
  const prefix = entry.endsWith("*");
  const parts = wordsOf(prefix ? entry.slice(0, -1) : entry);
  if (parts.length === 0) return false;
  const last = parts.length - 1;
  for (let i = 0; i + last < words.length; i++) {
    let ok = true;
    for (let j = 0; j <= last && ok; j++) {
      const word = words[i + j]!;
      ok = prefix && j === last ? word.startsWith(parts[j]!) : word === parts[j];
    }
    if (ok) return true;
  }
  return false;
}

export interface FeedWordRules {
  readonly includeWords: readonly string[];
  readonly excludeWords: readonly string[];
}

/**
 * Whether a new item may be queued: it has an include word (when any are set) and no exclude
 * word, in its headline or text.
 */
export function passesFeedRules(rules: FeedWordRules, title: string, body: string): boolean {
  if (rules.includeWords.length === 0 && rules.excludeWords.length === 0) return true;
  const words = wordsOf(`${title}\n${body}`);
  if (rules.excludeWords.some((w) => occurs(w, words))) return false;
  return rules.includeWords.length === 0 || rules.includeWords.some((w) => occurs(w, words));
}
