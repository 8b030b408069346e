import type { ArticleScope, Visibility } from "../articles/article.js";
import type { Db } from "./connection.js";

/** One stored article as the search results show it, with its text unfolded. */
export interface SearchArticleRow {
  readonly id: number;
  readonly title: string;
  readonly body: string;
  readonly url: string | null;
  readonly source: string | null;
  readonly publishedAt: number;
  readonly visibility: Visibility;
}

/** A highlighted copy of an article's folded title and body (markers chosen by the caller). */
export interface HighlightRow {
  readonly title: string;
  readonly body: string;
}

/** A highlighted article. */
interface HighlightedRow extends HighlightRow {
  readonly id: number;
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
  const newestAll = db
    .prepare<[string, number]>(
      "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
    )
    .pluck();
  // Readers: the few private articles (a partial index) are left out as the walk goes.
  const newestPublic = db
    .prepare<[string, number]>(
      `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
         AND rowid NOT IN (SELECT id FROM articles WHERE visibility = 'private')
       ORDER BY rowid DESC LIMIT ?`,
    )
    .pluck();
  const newestFrom = db
    .prepare<[string, number]>(
      "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= CAST(? AS INTEGER) ORDER BY rowid DESC",
    )
    .pluck();
  const maxId = db.prepare("SELECT max(id) FROM articles").pluck();
  const article = db.prepare<[number], SearchArticleRow>(
    `SELECT id, title, body, url, source, published_at AS publishedAt, visibility
     FROM articles WHERE id = ?`,
  );
  // The covering index keeps this off the large article rows; one statement per page.
  const publishedAtMany = db.prepare<[string], { id: number; publishedAt: number }>(
    `SELECT id, published_at AS publishedAt FROM articles INDEXED BY articles_id_published_at
     WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const titles = db.prepare<[string], { id: number; title: string }>(
    "SELECT id, title FROM articles WHERE id IN (SELECT value FROM json_each(?))",
  );
  // FTS5 looks each wanted id up in the index (rowid = value, once per id): a walk over the
  // rowid range of the page instead would cost as much as the whole search when the matches
  // are few and far apart. highlight() tokenises each hit's whole text.
  const highlightMany = db.prepare<
    [string, string, string, string, string, string],
    HighlightedRow
  >(
    `WITH wanted(id) AS MATERIALIZED (SELECT value FROM json_each(?))
     SELECT rowid AS id, highlight(articles_fts, 0, ?, ?) AS title,
       highlight(articles_fts, 1, ?, ?) AS body
     FROM articles_fts WHERE articles_fts MATCH ?
       AND rowid IN wanted`,
  );

  const totalChanges = db.prepare("SELECT total_changes()").pluck();
  const mergeStep = db.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES('merge', ?)");

  return {
    /** Ids of the `limit` newest articles matching `match` that `scope` may see, newest first. */
    newestMatches: (match: string, limit: number, scope: ArticleScope = "public"): number[] =>
      (scope === "all" ? newestAll : newestPublic).all(match, limit) as number[],
    /** Ids matching `match` with id ≥ `fromId`, newest first. */
    matchesFrom: (match: string, fromId: number): number[] =>
      newestFrom.all(match, fromId) as number[],
    /** The highest article id (about the number of articles ever stored). */
    maxId: (): number => (maxId.get() as number | null) ?? 0,
    /** Publication times of the articles `ids` that exist, by id. */
    publishedAtMany: (ids: readonly number[]): Map<number, number> =>
      new Map(publishedAtMany.all(JSON.stringify(ids)).map((r) => [r.id, r.publishedAt])),
    /** Headlines of the articles `ids` that exist, by id. */
    titles: (ids: readonly number[]): Map<number, string> =>
      new Map(titles.all(JSON.stringify(ids)).map((r) => [r.id, r.title])),
    article: (id: number): SearchArticleRow | undefined => article.get(id),
    /**
     * The folded title and body of each article `ids` that `match` (an FTS5 expression)
     * matches, the matching words wrapped in `open`/`close`, by id.
     */
    highlight: (
      match: string,
      ids: readonly number[],
      open: string,
      close: string,
    ): Map<number, HighlightRow> => {
      if (ids.length === 0) return new Map();
      const rows = highlightMany.all(JSON.stringify(ids), open, close, open, close, match);
      return new Map(rows.map((r) => [r.id, { title: r.title, body: r.body }]));
    },
    /**
     * One bounded step of merging the index towards one segment (FTS5 `merge` with a negative
     * page count works like `optimize`, a little at a time). False when nothing was left.
     */
    mergeStep: (pages: number): boolean => {
      const before = totalChanges.get() as number;
      mergeStep.run(-Math.abs(pages));
      return (totalChanges.get() as number) - before >= 2;
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
