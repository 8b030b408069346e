import type { Article } from "../articles/article.js";
import type { Db } from "./connection.js";

interface ArticleRow {
  id: number;
  title: string;
  body: string;
  url: string | null;
  canonical_url: string | null;
  guid: string | null;
  feed_id: number | null;
  source: string | null;
  image_url: string | null;
  language: string | null;
  published_at: number;
  created_at: number;
  updated_at: number | null;
  update_count: number;
  content_hash: string;
}

/** Columns written when an article is created or replaced. */
export type ArticleFields = Omit<Article, "id" | "createdAt" | "updatedAt" | "updateCount">;

function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    url: row.url,
    canonicalUrl: row.canonical_url,
    guid: row.guid,
    feedId: row.feed_id,
    source: row.source,
    imageUrl: row.image_url,
    language: row.language,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updateCount: row.update_count,
    contentHash: row.content_hash,
  };
}

function fieldParams(f: ArticleFields) {
  return {
    title: f.title,
    body: f.body,
    url: f.url,
    canonical_url: f.canonicalUrl,
    guid: f.guid,
    feed_id: f.feedId,
    source: f.source,
    image_url: f.imageUrl,
    language: f.language,
    published_at: f.publishedAt,
    content_hash: f.contentHash,
  };
}

/** SQL for the articles table; returns plain objects. */
export function createArticlesRepository(db: Db) {
  const byId = db.prepare<[number], ArticleRow>("SELECT * FROM articles WHERE id = ?");
  const byGuid = db.prepare<[string, number | null], ArticleRow>(
    "SELECT * FROM articles WHERE guid = ? AND feed_id IS ? ORDER BY id DESC LIMIT 1",
  );
  const byCanonicalUrl = db.prepare<[string], ArticleRow>(
    "SELECT * FROM articles WHERE canonical_url = ? ORDER BY id DESC LIMIT 1",
  );
  const byHash = db.prepare<[string], ArticleRow>(
    "SELECT * FROM articles WHERE content_hash = ? ORDER BY id DESC LIMIT 1",
  );
  const insert = db.prepare(`INSERT INTO articles
    (title, body, url, canonical_url, guid, feed_id, source, image_url, language, published_at, created_at, content_hash)
    VALUES (@title, @body, @url, @canonical_url, @guid, @feed_id, @source, @image_url, @language, @published_at, @created_at, @content_hash)`);
  const update = db.prepare(`UPDATE articles SET
    title = @title, body = @body, url = @url, canonical_url = @canonical_url, guid = @guid, feed_id = @feed_id,
    source = @source, image_url = @image_url, language = @language, published_at = @published_at,
    content_hash = @content_hash, updated_at = @updated_at, update_count = update_count + 1
    WHERE id = @id`);
  const newestPage = db.prepare<{ limit: number; offset: number }, ArticleRow>(
    "SELECT * FROM articles ORDER BY published_at DESC, id DESC LIMIT @limit OFFSET @offset",
  );
  const since = db.prepare<[number, number], ArticleRow>(
    "SELECT * FROM articles WHERE published_at >= ? ORDER BY published_at DESC, id DESC LIMIT ?",
  );
  const count = db.prepare("SELECT count(*) FROM articles").pluck();
  const countSince = db
    .prepare<[number]>("SELECT count(*) FROM articles WHERE created_at >= ?")
    .pluck();

  return {
    findById: (id: number): Article | undefined => {
      const row = byId.get(id);
      return row && toArticle(row);
    },
    findByGuid: (guid: string, feedId: number | null): Article | undefined => {
      const row = byGuid.get(guid, feedId);
      return row && toArticle(row);
    },
    findByCanonicalUrl: (canonical: string): Article | undefined => {
      const row = byCanonicalUrl.get(canonical);
      return row && toArticle(row);
    },
    findByHash: (hash: string): Article | undefined => {
      const row = byHash.get(hash);
      return row && toArticle(row);
    },
    insert: (fields: ArticleFields, createdAt: number): number =>
      Number(insert.run({ ...fieldParams(fields), created_at: createdAt }).lastInsertRowid),
    update: (id: number, fields: ArticleFields, updatedAt: number): void => {
      update.run({ ...fieldParams(fields), updated_at: updatedAt, id });
    },
    /** Newest first by published time; `offset` pages further back. */
    newest: (limit: number, offset = 0): Article[] =>
      newestPage.all({ limit, offset }).map(toArticle),
    /** Articles published at or after `fromMs`, newest first. */
    publishedSince: (fromMs: number, limit: number): Article[] =>
      since.all(fromMs, limit).map(toArticle),
    count: (): number => count.get() as number,
    countCreatedSince: (fromMs: number): number => countSince.get(fromMs) as number,
  };
}

export type ArticlesRepository = ReturnType<typeof createArticlesRepository>;
