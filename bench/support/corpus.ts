import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleInput } from "../../src/articles/article.js";

/** A seeded, fast pseudo-random generator (mulberry32): the same corpus on every run. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word frequencies counted from the real news texts in the shared fixtures. */
export function countFixtureWords(fixturesDir: string): Map<string, number> {
  const counts = new Map<string, number>();
  const files = [
    "cnndm_test_frank_250.jsonl",
    "xsum_test_frank_250.jsonl",
    "bbc_news_summary_clean_100.jsonl",
  ];
  for (const file of files) {
    const path = join(fixturesDir, "summaries", file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const article = (JSON.parse(line) as { article: string }).article;
      for (const word of article.toLowerCase().match(/\p{L}+/gu) ?? []) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/**
 * Russian word frequencies from the shared fixtures' Russian news: the RIA articles and the
 * UTF-8 Russian feeds (only runs of Cyrillic letters are counted, so markup adds nothing).
 */
export function countRussianFixtureWords(fixturesDir: string): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (text: string) => {
    for (const word of text.toLowerCase().match(/[а-яё]+/gu) ?? [])
      counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  const ria = join(fixturesDir, "summaries", "ria_ru_headlines_20.jsonl");
  if (existsSync(ria)) {
    for (const line of readFileSync(ria, "utf8").split("\n")) {
      if (line.trim()) count((JSON.parse(line) as { article: string }).article);
    }
  }
  for (const file of ["habr_top_daily.xml", "touchnokia_ru_large.atom", "citydog_by.xml"]) {
    const path = join(fixturesDir, "feeds", "russian", file);
    if (existsSync(path)) count(readFileSync(path, "utf8"));
  }
  return counts;
}

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ren",
  "tor",
  "vas",
  "qui",
  "zel",
  "dan",
  "po",
  "shi",
  "ber",
  "nu",
  "gal",
  "fen",
  "rox",
];

/** The Russian tail's syllables: made-up Russian names, places and rare words. */
export const RUSSIAN_SYLLABLES = [
  "ка",
  "ло",
  "ми",
  "рен",
  "тор",
  "вас",
  "ки",
  "зел",
  "дан",
  "по",
  "ши",
  "бер",
  "ну",
  "гал",
  "фен",
  "рок",
];

/** A pronounceable made-up word for rank `n` of the long tail (names, places, rare terms). */
function tailWord(n: number, syllables: readonly string[]): string {
  let word = "";
  let x = n + 17;
  do {
    word += syllables[x % syllables.length];
    x = Math.floor(x / syllables.length);
  } while (x > 0);
  return word;
}

export interface Vocabulary {
  /** Words from most to least frequent (the real ones first, then the made-up tail). */
  readonly ranked: readonly string[];
  /** Draws one word with news-like (Zipf) frequencies. */
  draw(random: () => number): string;
}

const TABLE_SIZE = 1 << 22;

/**
 * A vocabulary whose head is the real fixture words at their observed frequencies and whose
 * tail is `tailSize` made-up words drawn Zipf-style with probability `tailShare`: real news
 * has far more distinct words (names, places) than a few hundred articles show.
 */
export function createVocabulary(
  counts: Map<string, number>,
  tailSize = 300_000,
  tailShare = 0.08,
  syllables: readonly string[] = SYLLABLES,
): Vocabulary {
  const head = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const total = head.reduce((sum, [, n]) => sum + n, 0);
  const table = new Uint32Array(TABLE_SIZE);
  let at = 0;
  head.forEach(([, n], index) => {
    const slots = Math.max(1, Math.round((n / total) * TABLE_SIZE));
    table.fill(index, at, Math.min(TABLE_SIZE, at + slots));
    at += slots;
  });
  const headWords = head.map(([word]) => word);
  const headSize = Math.min(at, TABLE_SIZE);
  const tail = Array.from({ length: tailSize }, (_, i) => tailWord(i, syllables));
  const logTail = Math.log(tailSize);
  return {
    ranked: [...headWords, ...tail],
    draw(random) {
      if (headSize === 0 || random() < tailShare)
        return tail[Math.floor(Math.exp(random() * logTail)) - 1] ?? tail[0]!;
      return headWords[table[Math.floor(random() * headSize)]!]!;
    },
  };
}

const SOURCES = ["Newsroom", "City Desk", "Wire", "Business Daily", "Sports Desk", null];

function sentence(vocab: Vocabulary, random: () => number, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(vocab.draw(random));
  const first = parts[0]!;
  parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${parts.join(" ")}.`;
}

/**
 * Article `index` of the synthetic archive: a 6–12 word headline and about 2 KB of text in
 * paragraphs, published one after another (a few minutes apart) ending near `endMs`.
 */
export function makeArticle(
  vocab: Vocabulary,
  index: number,
  total: number,
  endMs: number,
): ArticleInput {
  const random = createRandom(index * 2654435761);
  const title = sentence(vocab, random, 6 + Math.floor(random() * 7)).slice(0, -1);
  const paragraphs: string[] = [];
  let length = 0;
  const target = 1700 + Math.floor(random() * 700);
  while (length < target) {
    const sentences: string[] = [];
    const count = 2 + Math.floor(random() * 4);
    for (let s = 0; s < count; s++)
      sentences.push(sentence(vocab, random, 8 + Math.floor(random() * 18)));
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return {
    title,
    body: paragraphs.join("\n\n"),
    url: `https://news.example/${index}`,
    guid: `bench-${index}`,
    source: SOURCES[index % SOURCES.length] ?? null,
    language: "en",
    publishedAt: endMs - (total - index) * 150_000 + Math.floor(random() * 60_000),
  };
}

/** The benchmark's bilingual archive: English and Russian news built by the same rules. */
export interface Corpus {
  readonly en: Vocabulary;
  readonly ru: Vocabulary;
}

/** Both vocabularies from the shared fixtures (made-up words only where they are missing). */
export function createCorpus(fixturesDir: string): Corpus {
  return {
    en: createVocabulary(countFixtureWords(fixturesDir)),
    ru: createVocabulary(countRussianFixtureWords(fixturesDir), 300_000, 0.08, RUSSIAN_SYLLABLES),
  };
}

/** Every fifth article of the corpus is Russian. */
export const isRussianArticle = (index: number): boolean => index % 5 === 4;

/**
 * Article `index` of the bilingual archive: English as makeArticle makes it, or every fifth
 * one Russian, half of those declaring `ru` and half leaving the language to be detected.
 */
export function makeCorpusArticle(
  corpus: Corpus,
  index: number,
  total: number,
  endMs: number,
): ArticleInput {
  if (!isRussianArticle(index)) return makeArticle(corpus.en, index, total, endMs);
  const article = makeArticle(corpus.ru, index, total, endMs);
  return { ...article, language: index % 10 === 4 ? "ru" : null };
}
