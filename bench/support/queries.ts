import { createRandom, type Vocabulary } from "./corpus.js";

/**
 * `count` queries of 1–3 words from the corpus vocabulary: a third of the words from the
 * ten most frequent ("the", "to", …), the rest drawn at news-like frequencies or from the
 * first 20,000 ranks, so common, middling and rare words all appear.
 */
export function makeQueries(vocab: Vocabulary, count: number, seed = 7): string[] {
  const random = createRandom(seed);
  const queries: string[] = [];
  const head = Math.min(20_000, vocab.ranked.length);
  for (let i = 0; i < count; i++) {
    const words: string[] = [];
    for (let w = 0; w <= i % 3; w++) {
      const kind = random();
      if (kind < 1 / 3) words.push(vocab.ranked[Math.floor(random() * 10)]!);
      else if (kind < 2 / 3) words.push(vocab.draw(random));
      else words.push(vocab.ranked[Math.floor(random() * head)]!);
    }
    queries.push(words.join(" "));
  }
  return queries;
}

/** Words cut short, as typed in inline mode: these take the prefix path. */
export function makePartialQueries(vocab: Vocabulary, count: number, seed = 11): string[] {
  const random = createRandom(seed);
  const long = vocab.ranked.slice(0, 5000).filter((w) => w.length >= 7);
  return Array.from({ length: count }, () => {
    const word = long[Math.floor(random() * long.length)]!;
    return word.slice(0, 4 + Math.floor(random() * 3));
  });
}
