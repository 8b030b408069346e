import type { ArticleFields, ArticlesRepository } from "../db/articles-repository.js";
import type { Db } from "../db/connection.js";
import { createSearchIndexRepository } from "../db/search-index-repository.js";
import type { Article, ArticleInput, StoreResult } from "./article.js";
import { canonicalUrl } from "./canonical-url.js";
import { contentHash } from "./content-hash.js";

export const MAX_TITLE_LENGTH = 500;
export const MAX_BODY_LENGTH = 100_000;

/** An article that cannot be stored, with a reason fit to show an editor. */
export class InvalidArticleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidArticleError";
  }
}

export type ArticleUpdatedListener = (article: Article, previous: Article) => void;

export interface ArticleServiceDeps {
  readonly db: Db;
  readonly articles: ArticlesRepository;
  /** Indexes for search what a transaction stored (the default: over `db`). */
  readonly searchIndex?: { indexPending(): number };
  readonly now?: () => number;
}

function clean(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/** Anything normaliseBody would change; most parsed text has none of it. */
const NEEDS_NORMALISING = /\r|\t| {2}| \n|\n | $|^ |\n{3}|^\n|\n$/;

function normaliseBody(body: string): string {
  if (!NEEDS_NORMALISING.test(body)) return body;
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .replace(/[ \t]+/g, " ")
        .replace(/ *\n */g, "\n")
        .trim(),
    )
    .filter((p) => p !== "")
    .join("\n\n");
}

/** Validates and normalises input into the stored columns. */
export function toArticleFields(input: ArticleInput, now: number): ArticleFields {
  const title = input.title.replace(/\s+/g, " ").trim();
  const body = normaliseBody(input.body);
  if (title === "") throw new InvalidArticleError("the article has no headline");
  if (title.length > MAX_TITLE_LENGTH) {
    throw new InvalidArticleError(`the headline is longer than ${MAX_TITLE_LENGTH} characters`);
  }
  if (body.length > MAX_BODY_LENGTH) {
    throw new InvalidArticleError(
      `the text is longer than ${MAX_BODY_LENGTH.toLocaleString("en")} characters`,
    );
  }
  const url = clean(input.url);
  return {
    title,
    body,
    url,
    canonicalUrl: canonicalUrl(url),
    guid: clean(input.guid),
    feedId: input.feedId ?? null,
    source: clean(input.source),
    imageUrl: clean(input.imageUrl),
    language: clean(input.language),
    publishedAt: input.publishedAt && Number.isFinite(input.publishedAt) ? input.publishedAt : now,
    contentHash: contentHash(title, body),
  };
}

/**
 * The archive: stores articles once each. An article is the same as a stored one when it has
 * the same guid from the same feed (and no conflicting link), the same canonical URL, or the
 * same normalised headline and text. A changed text of a known article replaces the stored one.
 */
export function createArticleService({
  db,
  articles,
  searchIndex = createSearchIndexRepository(db),
  now = Date.now,
}: ArticleServiceDeps) {
  const updatedListeners: ArticleUpdatedListener[] = [];

  function findExisting(fields: ArticleFields): Article | undefined {
    if (fields.guid) {
      const sameGuid = articles.findByGuid(fields.guid, fields.feedId);
      // A feed that reuses one guid for different links is lying about the guid.
      const linkConflict =
        sameGuid?.canonicalUrl &&
        fields.canonicalUrl &&
        sameGuid.canonicalUrl !== fields.canonicalUrl;
      if (sameGuid && !linkConflict) return sameGuid;
    }
    if (fields.canonicalUrl) {
      const sameUrl = articles.findByCanonicalUrl(fields.canonicalUrl);
      if (sameUrl) return sameUrl;
    }
    return articles.findByHash(fields.contentHash);
  }

  function storeOne(input: ArticleInput): StoreResult {
    const at = now();
    const fields = toArticleFields(input, at);
    const existing = findExisting(fields);
    if (!existing) {
      const id = articles.insert(fields, at);
      // Built from what was written rather than read back: a bulk import stores thousands.
      const article: Article = { ...fields, id, createdAt: at, updatedAt: null, updateCount: 0 };
      return { status: "created", article };
    }
    if (
      existing.contentHash === fields.contentHash &&
      existing.imageUrl === (fields.imageUrl ?? existing.imageUrl)
    ) {
      return { status: "duplicate", article: existing };
    }
    // Keep what the newer version lacks (a paste has no guid or feed), take its text.
    const merged: ArticleFields = {
      ...fields,
      url: fields.url ?? existing.url,
      canonicalUrl: fields.canonicalUrl ?? existing.canonicalUrl,
      guid: fields.guid ?? existing.guid,
      feedId: fields.feedId ?? existing.feedId,
      source: fields.source ?? existing.source,
      imageUrl: fields.imageUrl ?? existing.imageUrl,
      language: fields.language ?? existing.language,
      publishedAt: existing.publishedAt,
    };
    articles.update(existing.id, merged, at);
    return { status: "updated", article: articles.findById(existing.id)!, previous: existing };
  }

  function notify(results: readonly StoreResult[]): void {
    for (const r of results) {
      if (r.status !== "updated") continue;
      for (const listener of updatedListeners) listener(r.article, r.previous);
    }
  }

  return {
    /**
     * Stores one article, or recognises it as already stored.
     * @throws InvalidArticleError when the input cannot be an article.
     */
    store(input: ArticleInput): StoreResult {
      const result = db.transaction(() => {
        const stored = storeOne(input);
        searchIndex.indexPending();
        return stored;
      })();
      notify([result]);
      return result;
    },

    /**
     * Stores many articles in one transaction. Invalid ones are reported, not stored;
     * the rest are stored all together, and indexed for search together at the end (one
     * index write for the batch instead of one per article).
     */
    storeMany(
      inputs: readonly ArticleInput[],
    ): Array<StoreResult | { status: "invalid"; reason: string }> {
      const results = db.transaction(() => {
        const stored = inputs.map((input) => {
          try {
            return storeOne(input);
          } catch (error) {
            if (error instanceof InvalidArticleError)
              return { status: "invalid" as const, reason: error.message };
            throw error;
          }
        });
        searchIndex.indexPending();
        return stored;
      })();
      notify(results.filter((r): r is StoreResult => r.status !== "invalid"));
      return results;
    },

    findById: (id: number): Article | undefined => articles.findById(id),
    newest: (limit: number, offset = 0): Article[] => articles.newest(limit, offset),
    publishedSince: (fromMs: number, limit: number): Article[] =>
      articles.publishedSince(fromMs, limit),
    count: (): number => articles.count(),

    /** Called after an already-known article got a new text (e.g. to edit its channel post). */
    onUpdated(listener: ArticleUpdatedListener): void {
      updatedListeners.push(listener);
    },
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
