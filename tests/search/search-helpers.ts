import type { ArticleInput } from "../../src/articles/article.js";
import { createArticleService } from "../../src/articles/article-service.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import type { Db } from "../../src/db/connection.js";
import { createSearchService } from "../../src/search/search-service.js";
import type { TextSegment } from "../../src/search/segments.js";
import { createTestDb } from "../support/test-db.js";

export const NOW = Date.UTC(2025, 5, 1, 12);
const DAY = 86_400_000;

let counter = 0;
/** A small article; each gets its own link so none is taken for a duplicate. */
export function article(
  title: string,
  body: string,
  daysAgo = 0,
  extra: Partial<ArticleInput> = {},
): ArticleInput {
  counter += 1;
  return {
    title,
    body,
    url: `https://news.example/t/${counter}`,
    publishedAt: NOW - daysAgo * DAY,
    ...extra,
  };
}

/** A fresh archive with a search service over it, on the real migrations. */
export function createArchive(): {
  db: Db;
  articles: ReturnType<typeof createArticleService>;
  search: ReturnType<typeof createSearchService>;
} {
  const db = createTestDb();
  const articles = createArticleService({
    db,
    articles: createArticlesRepository(db),
    now: () => NOW,
  });
  return { db, articles, search: createSearchService(db, { now: () => NOW }) };
}

/** The matched words of some segments, as the reader would see them in bold. */
export function bold(segments: readonly TextSegment[]): string[] {
  return segments.filter((s) => s.match).map((s) => s.text);
}
