import type { ArticlesRepository } from "../db/articles-repository.js";
import type { Db } from "../db/connection.js";
import { createFeedItemsRepository } from "../db/feed-items-repository.js";
import { type ArticleIndexer, createArticleIndexer } from "../search/article-indexer.js";
import type {
  Article,
  ArticleFields,
  ArticleInput,
  ArticleScope,
  StoreResult,
  Visibility,
} from "./article.js";
import { InvalidArticleError, toArticleFields, updatedFields } from "./article-fields.js";
import type { FeedItemInput } from "./feed-item.js";
import { createFeedItemStore, sameContent } from "./feed-item-store.js";

export {
  InvalidArticleError,
  MAX_BODY_LENGTH,
  MAX_TITLE_LENGTH,
  toArticleFields,
} from "./article-fields.js";

export type ArticleUpdatedListener = (article: Article, previous: Article) => void;

export interface ArticleServiceDeps {
  readonly db: Db;
  readonly articles: ArticlesRepository;
  /** Indexes for search what a transaction stores (the default: over `db`). */
  readonly searchIndex?: ArticleIndexer;
  readonly now?: () => number;
}

/** An item that could not be stored, with the reason. */
export type InvalidResult = { readonly status: "invalid"; readonly reason: string };

/** What storing one feed item did; `cut` when its text was cut to the archive's length. */
export type FeedStoreResult = (StoreResult & { readonly cut: boolean }) | InvalidResult;

/**
 * The archive: stores articles once each, and answers readers with what is public.
 *
 * Identity: a feed item is found by its identity within its feed (feed-item-store.ts); an
 * imported article by its guid. Otherwise the same canonical URL or the same normalised
 * headline and text is a duplicate from another source, and is never rewritten: only the
 * article's own source (or an editor) changes its text.
 */
export function createArticleService({
  db,
  articles: unindexedArticles,
  searchIndex = createArticleIndexer(db),
  now = Date.now,
}: ArticleServiceDeps) {
  const updatedListeners: ArticleUpdatedListener[] = [];
  const feedItems = createFeedItemsRepository(db);
  // Every new article is indexed for search as it is stored, in the same transaction, with
  // its last text when the same transaction changes it again (a batch with two versions).
  const articles: ArticlesRepository = {
    ...unindexedArticles,
    insert(fields, createdAt, visibility) {
      const id = unindexedArticles.insert(fields, createdAt, visibility);
      searchIndex.add(id, fields);
      return id;
    },
    update(id, fields, updatedAt) {
      unindexedArticles.update(id, fields, updatedAt);
      searchIndex.changed(id, fields);
    },
  };

  function otherSource(fields: ArticleFields, feedId: number | null): Article | undefined {
    if (fields.canonicalUrl) {
      const sameUrl = articles.findOtherSourceByCanonicalUrl(fields.canonicalUrl, feedId);
      if (sameUrl) return sameUrl;
    }
    return articles.findOtherSourceByHash(fields.contentHash, feedId);
  }

  const feedItemStore = createFeedItemStore({ articles, feedItems, otherSource });

  function storeOne(input: ArticleInput): StoreResult {
    const at = now();
    const fields = toArticleFields(input, at);
    // An import's guid names its own earlier version: that one may be updated.
    const own = fields.guid ? articles.findByGuid(fields.guid, fields.feedId) : undefined;
    if (own) {
      if (sameContent(own, fields)) return { status: "duplicate", article: own };
      articles.update(own.id, updatedFields(own, fields), at);
      return { status: "updated", article: articles.findById(own.id)!, previous: own };
    }
    const duplicate = otherSource(fields, null);
    if (duplicate) return { status: "duplicate", article: duplicate };
    const visibility: Visibility = input.visibility ?? "public";
    const id = articles.insert(fields, at, visibility);
    // Built from what was written rather than read back: a bulk import stores thousands.
    const article: Article = {
      ...fields,
      id,
      createdAt: at,
      updatedAt: null,
      updateCount: 0,
      visibility,
    };
    return { status: "created", article };
  }

  function notify(results: readonly (StoreResult | InvalidResult)[]): void {
    for (const r of results) {
      if (r.status !== "updated") continue;
      for (const listener of updatedListeners) listener(r.article, r.previous);
    }
  }

  /** Runs `store` in one transaction (joining the caller's), indexing what it stored. */
  function storingTransaction<T>(store: () => T): T {
    return db.transaction(() => {
      try {
        const stored = store();
        searchIndex.finish();
        return stored;
      } finally {
        searchIndex.discard();
      }
    })();
  }

  function invalidOr<T>(fn: () => T): T | InvalidResult {
    try {
      return fn();
    } catch (error) {
      if (error instanceof InvalidArticleError) return { status: "invalid", reason: error.message };
      throw error;
    }
  }

  return {
    /**
     * Stores one article, or recognises it as already stored.
     * @throws InvalidArticleError when the input cannot be an article.
     */
    store(input: ArticleInput): StoreResult {
      const result = storingTransaction(() => storeOne(input));
      notify([result]);
      return result;
    },

    /**
     * Stores many articles in one transaction. Invalid ones are reported, not stored;
     * the rest are stored and indexed for search all together.
     */
    storeMany(inputs: readonly ArticleInput[]): Array<StoreResult | InvalidResult> {
      const results = storingTransaction(() =>
        inputs.map((input) => invalidOr(() => storeOne(input))),
      );
      notify(results);
      return results;
    },

    /**
     * Stores the items of one fetch of feed `feedId` in one transaction (joining the caller's),
     * each by its identity within the feed; a new article gets the visibility `visibilityOf`
     * gives its item. Texts over the archive's length are cut at a paragraph end; items that
     * still cannot be stored are reported with the reason. Listeners hear of real updates
     * after the transaction.
     */
    storeFeedItems(
      feedId: number,
      items: readonly FeedItemInput[],
      visibilityOf: (item: FeedItemInput) => Visibility,
    ): FeedStoreResult[] {
      const results = storingTransaction(() =>
        items.map((item) =>
          invalidOr(() => feedItemStore.store(feedId, item, visibilityOf(item), now())),
        ),
      );
      // Inside an outer transaction the caller commits; updates are announced now regardless,
      // as the callers commit right after.
      notify(results);
      return results;
    },

    /** Any article, public or not (the publisher, the queue, editors). */
    findById: (id: number): Article | undefined => articles.findById(id),
    /** The article if `scope` may see it. */
    findVisible(id: number, scope: ArticleScope = "public"): Article | undefined {
      const article = articles.findById(id);
      return article && (scope === "all" || article.visibility === "public") ? article : undefined;
    },
    /** Newest first by published time; readers get public articles only. */
    newest: (limit: number, offset = 0, scope: ArticleScope = "public"): Article[] =>
      articles.newest(limit, offset, scope),
    publishedSince: (fromMs: number, limit: number, scope: ArticleScope = "public"): Article[] =>
      articles.publishedSince(fromMs, limit, scope),
    count: (): number => articles.count(),
    /** Makes an article public (posted elsewhere, or an editor's decision). */
    makePublic: (id: number): boolean => articles.setVisibility(id, "public"),
    /** Feeds that also carry this story, first brought by another source. */
    alsoInFeeds: (id: number): number[] => feedItems.alsoInFeeds(id),

    /** Called after an already-known article got a new text (e.g. to edit its channel post). */
    onUpdated(listener: ArticleUpdatedListener): void {
      updatedListeners.push(listener);
    },
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
