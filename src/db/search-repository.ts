import type { Db } from "./connection.js";

/** One stored article as the search results show it, with its text unfolded. */
export interface SearchArticleRow {
  readonly id: number;
  readonly title: string;
  readonly body: string;
  readonly url: string | null;
  readonly source: string | null;
  readonly publishedAt: number;
}

/** A highlighted copy of an article's folded title and body (markers chosen by the caller). */
export interface HighlightRow {
  readonly title: string;
  readonly body: string;
}

/**
 * Rowid bounds are cast to INTEGER: better-sqlite3 binds JS numbers as REAL, and FTS5 drops
 * a REAL rowid constraint without checking it (every row comes back, and `rowid >= ?`
 * turns into a full scan).
 *
 * SQL over the `articles_fts` index (migrations/002-search.sql). Every FTS expression is
 * bound as a parameter; the caller builds it from sanitised terms (src/search/query.ts).
 */
export function createSearchRepository(db: Db) {
  // Newest matches first: FTS5 walks its doclists in rowid order and stops at the LIMIT,
  // so a common word costs no more than a rare one.
  const newest = db
    .prepare<[string, number]>(
      "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
    )
    .pluck();
  const newestFrom = db
    .prepare<[string, number]>(
      "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= CAST(? AS INTEGER) ORDER BY rowid DESC",
    )
    .pluck();
  const maxId = db.prepare("SELECT max(id) FROM articles").pluck();
  // The covering index keeps this off the large article rows.
  const publishedAt = db
    .prepare<[number]>(
      "SELECT published_at FROM articles INDEXED BY articles_id_published_at WHERE id = ?",
    )
    .pluck();
  const article = db.prepare<[number], SearchArticleRow>(
    `SELECT id, title, body, url, source, published_at AS publishedAt FROM articles WHERE id = ?`,
  );
  const highlight = db.prepare<[string, string, string, string, string, number], HighlightRow>(
    `SELECT highlight(articles_fts, 0, ?, ?) AS title, highlight(articles_fts, 1, ?, ?) AS body
     FROM articles_fts WHERE articles_fts MATCH ? AND rowid = CAST(? AS INTEGER)`,
  );

  return {
    /** Ids of the `limit` newest articles matching `match`, newest first. */
    newestMatches: (match: string, limit: number): number[] => newest.all(match, limit) as number[],
    /** Ids matching `match` with id ≥ `fromId`, newest first. */
    matchesFrom: (match: string, fromId: number): number[] =>
      newestFrom.all(match, fromId) as number[],
    /** The highest article id (about the number of articles ever stored). */
    maxId: (): number => (maxId.get() as number | null) ?? 0,
    publishedAt: (id: number): number | undefined => publishedAt.get(id) as number | undefined,
    article: (id: number): SearchArticleRow | undefined => article.get(id),
    /** The folded title and body of article `id` with the words matching `match` wrapped. */
    highlight: (match: string, id: number, open: string, close: string): HighlightRow | undefined =>
      highlight.get(open, close, open, close, match, id),
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
