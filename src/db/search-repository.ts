import type { ArticleScope, Visibility } from "../articles/article.js";
import type { Db } from "./connection.js";

/** One stored article as the search results show it, with its text unfolded. */
export interface SearchArticleRow {
  readonly id: number;
  readonly title: string;
  readonly body: string;
  readonly url: string | null;
  readonly source: string | null;
  /** The language its source declared, if any. */
  readonly language: string | null;
  readonly publishedAt: number;
  readonly visibility: Visibility;
}

/**
 * Rowid bounds are cast to INTEGER: better-sqlite3 binds JS numbers as REAL, and FTS5 drops
 * a REAL rowid constraint without checking it (every row comes back, and `rowid >= ?`
 * turns into a full scan).
 *
 * SQL over the `articles_fts` index of word forms and its vocabulary (migrations/008).
 * Every FTS expression is bound as a parameter; the caller builds it from sanitised index
 * forms (src/search/query.ts).
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
    `SELECT id, title, body, url, source, language, published_at AS publishedAt, visibility
     FROM articles WHERE id = ?`,
  );
  // The covering index keeps this off the large article rows; one statement per page.
  const publishedAtMany = db.prepare<[string], { id: number; publishedAt: number }>(
    `SELECT id, published_at AS publishedAt FROM articles INDEXED BY articles_id_published_at
     WHERE id IN (SELECT value FROM json_each(?))`,
  );
  // Dense windows (common words) read the covering index's range in one walk instead.
  const publishedAtRange = db.prepare<[number, number], { id: number; publishedAt: number }>(
    `SELECT id, published_at AS publishedAt FROM articles INDEXED BY articles_id_published_at
     WHERE id BETWEEN ? AND ?`,
  );
  const languages = db.prepare("SELECT language FROM search_languages").pluck();
  // Index forms starting with a beginning, in the vocabulary's (binary) order.
  const termsFrom = db
    .prepare<[string, string, number]>(
      "SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
    )
    .pluck();
  const termsIn = db
    .prepare<[string]>(
      "SELECT term FROM search_terms WHERE term IN (SELECT value FROM json_each(?))",
    )
    .pluck();

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
    publishedAtMany: (ids: readonly number[]): Map<number, number> => {
      if (ids.length === 0) return new Map();
      const low = Math.min(...ids);
      const high = Math.max(...ids);
      const rows =
        high - low < 4 * ids.length
          ? publishedAtRange.all(low, high)
          : publishedAtMany.all(JSON.stringify(ids));
      return new Map(rows.map((r) => [r.id, r.publishedAt]));
    },
    article: (id: number): SearchArticleRow | undefined => article.get(id),
    /** The stemmers the indexed articles went through ('en', 'ru', 'none'). */
    languages: (): string[] => languages.all() as string[],
    /** Up to `limit` indexed forms that start with `prefix`, in binary order. */
    termsStarting: (prefix: string, limit: number): string[] =>
      termsFrom.all(prefix, `${prefix}\u{10FFFF}`, limit) as string[],
    /** Which of `terms` the index holds. */
    knownTerms: (terms: readonly string[]): string[] =>
      terms.length === 0 ? [] : (termsIn.all(JSON.stringify(terms)) as string[]),
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
