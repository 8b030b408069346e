import type { Article } from "../../src/articles/article.js";

let nextId = 1;

/** An article as stored, with sensible defaults; override what the test is about. */
export function buildArticle(overrides: Partial<Article> = {}): Article {
  const id = overrides.id ?? nextId++;
  return {
    id,
    title: "China calls Russia ties solid as rock",
    body: "Wang Yi said relations were solid, writes Bloomberg.\n\nThe visit came a year after the invasion.",
    url: `https://news.example.org/story/${id}`,
    canonicalUrl: null,
    guid: null,
    feedId: null,
    source: "Bloomberg",
    imageUrl: null,
    language: "en",
    // 9:58 23.02.2023 in UTC
    publishedAt: Date.UTC(2023, 1, 23, 9, 58),
    createdAt: Date.UTC(2023, 1, 23, 10, 0),
    updatedAt: null,
    updateCount: 0,
    contentHash: `hash-${id}`,
    visibility: "public",
    bodyCut: false,
    ...overrides,
  };
}

/** Format options as a channel would have them. */
export const FORMAT = {
  channelUrl: "https://t.me/newsroom_test",
  footer: "read more in our Telegram-channel",
  timezone: "UTC",
  botUsername: "newsroom_test_bot",
} as const;

/** A paragraph of `count` numbered sentences. */
export function sentences(count: number, word = "Officials"): string {
  return Array.from({ length: count }, (_, i) => `${word} said item number ${i + 1} matters.`).join(
    " ",
  );
}
