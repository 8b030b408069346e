import type { Article, ArticleFields, ArticleScope, Visibility } from "../articles/article.js";
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
  visibility: Visibility;
  body_cut: number;
}

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
    visibility: row.visibility,
    bodyCut: row.body_cut === 1,
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
    body_cut: f.bodyCut ? 1 : 0,
  };
}

/** Leaves out articles of `feed_id` (another item of the same feed is never the same story). */
const NOT_IN_FEED =
  "NOT EXISTS (SELECT 1 FROM feed_items fi WHERE fi.article_id = articles.id AND fi.feed_id = @feed_id)";

/** SQL for the articles table; returns plain objects. */
export function createArticlesRepository(db: Db) {
  const byId = db.prepare<[number], ArticleRow>("SELECT * FROM articles WHERE id = ?");
  const byGuid = db.prepare<[string, number | null], ArticleRow>(
    "SELECT * FROM articles WHERE guid = ? AND feed_id IS ? ORDER BY id DESC LIMIT 1",
  );
  const otherByCanonicalUrl = db.prepare<{ canonical: string; feed_id: number }, ArticleRow>(
    `SELECT * FROM articles WHERE canonical_url = @canonical AND ${NOT_IN_FEED} ORDER BY id DESC LIMIT 1`,
  );
  const otherByHash = db.prepare<{ hash: string; feed_id: number }, ArticleRow>(
    `SELECT * FROM articles WHERE content_hash = @hash AND ${NOT_IN_FEED} ORDER BY id DESC LIMIT 1`,
  );
  const insert = db.prepare(`INSERT INTO articles
    (title, body, url, canonical_url, guid, feed_id, source, image_url, language, published_at, created_at,
     content_hash, visibility, body_cut)
    VALUES (@title, @body, @url, @canonical_url, @guid, @feed_id, @source, @image_url, @language, @published_at,
     @created_at, @content_hash, @visibility, @body_cut)`);
  const update = db.prepare(`UPDATE articles SET
    title = @title, body = @body, url = @url, canonical_url = @canonical_url, guid = @guid, feed_id = @feed_id,
    source = @source, image_url = @image_url, language = @language, published_at = @published_at,
    content_hash = @content_hash, body_cut = @body_cut, updated_at = @updated_at, update_count = update_count + 1
    WHERE id = @id`);
  const setVisibility = db.prepare<[Visibility, number]>(
    "UPDATE articles SET visibility = ? WHERE id = ?",
  );
  // Reader lists: `@all` = 1 lets editors and the operator see what is not public yet.
  const newestPage = db.prepare<{ limit: number; offset: number; all: number }, ArticleRow>(
    `SELECT * FROM articles WHERE (@all = 1 OR visibility = 'public')
     ORDER BY published_at DESC, id DESC LIMIT @limit OFFSET @offset`,
  );
  const since = db.prepare<{ from: number; limit: number; all: number }, ArticleRow>(
    `SELECT * FROM articles WHERE published_at >= @from AND (@all = 1 OR visibility = 'public')
     ORDER BY published_at DESC, id DESC LIMIT @limit`,
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
    /**
     * The newest article with this canonical URL / content hash that is not an item of feed
     * `feedId` (any article when `feedId` is null): a duplicate from another source.
     */
    findOtherSourceByCanonicalUrl: (
      canonical: string,
      feedId: number | null,
    ): Article | undefined => {
      const row = otherByCanonicalUrl.get({ canonical, feed_id: feedId ?? -1 });
      return row && toArticle(row);
    },
    findOtherSourceByHash: (hash: string, feedId: number | null): Article | undefined => {
      const row = otherByHash.get({ hash, feed_id: feedId ?? -1 });
      return row && toArticle(row);
    },
    insert: (fields: ArticleFields, createdAt: number, visibility: Visibility): number =>
      Number(
        insert.run({ ...fieldParams(fields), created_at: createdAt, visibility }).lastInsertRowid,
      ),
    setVisibility: (id: number, visibility: Visibility): boolean =>
      setVisibility.run(visibility, id).changes > 0,
    update: (id: number, fields: ArticleFields, updatedAt: number): void => {
      update.run({ ...fieldParams(fields), updated_at: updatedAt, id });
    },
    /** Newest first by published time; `offset` pages further back. */
    newest: (limit: number, offset = 0, scope: ArticleScope = "public"): Article[] =>
      newestPage.all({ limit, offset, all: scope === "all" ? 1 : 0 }).map(toArticle),
    /** Articles published at or after `fromMs`, newest first. */
    publishedSince: (fromMs: number, limit: number, scope: ArticleScope = "public"): Article[] =>
      since.all({ from: fromMs, limit, all: scope === "all" ? 1 : 0 }).map(toArticle),
    count: (): number => count.get() as number,
    countCreatedSince: (fromMs: number): number => countSince.get(fromMs) as number,
  };
}

export type ArticlesRepository = ReturnType<typeof createArticlesRepository>;
