import type { ArticleInput } from "../articles/article.js";
import type { ArticleService } from "../articles/article-service.js";
import type { Db } from "../db/connection.js";
import { createFeedsRepository } from "../db/feeds-repository.js";
import { type Logger, silentLogger } from "../logger.js";
import type { Feed } from "./feed.js";
import { FeedError, FeedNotFoundError } from "./feed-errors.js";
import { createFeedPolling, MAX_BACKOFF_MS, type PollResult } from "./feed-polling.js";
import type { FeedReader } from "./feed-reader.js";
import { DEFAULT_MAX_ITEMS_PER_FEED } from "./feed-to-articles.js";
import { assertFeedUrlAllowed, type HostLookup, parseFeedUrl } from "./feed-url-safety.js";
import { fetchFeed as defaultFetchFeed, type FetchFeed } from "./fetch-feed.js";
import { readFeed as readInThread } from "./read-feed.js";

/** First wait after a failure; doubled for each further failure in a row. */
export const DEFAULT_BACKOFF_BASE_MS = 10 * 60_000;
export { MAX_BACKOFF_MS, type PollResult };

export interface FeedServiceDeps {
  readonly db: Db;
  readonly articles: ArticleService;
  /** Queues a newly created article for the channel. */
  readonly enqueue: (articleId: number) => void;
  readonly allowPrivate: boolean;
  /**
   * Feed URLs allowed even on this machine when private addresses are refused: the sandbox's
   * own sample feed. Exact URLs only, so every other local address stays refused.
   */
  readonly trustedUrls?: readonly string[];
  readonly fetchFeed?: FetchFeed;
  /**
   * Reads fetched bytes into articles. The bot and the CLI pass the worker-thread reader
   * (createWorkerFeedReader), so no feed holds their thread; by default it reads in this thread.
   */
  readonly readFeed?: FeedReader;
  readonly now?: () => number;
  readonly logger?: Logger;
  readonly maxItemsPerFeed?: number;
  /** Passed to every fetch: tests shorten the timeout or resolve names themselves. */
  readonly fetchOptions?: {
    readonly timeoutMs?: number;
    readonly maxBytes?: number;
    readonly lookup?: HostLookup;
  };
  readonly backoffBaseMs?: number;
}

/** What adding a feed did. */
export interface AddFeedResult {
  readonly feed: Feed;
  /** Items the feed offered (after skipping empty ones and the per-feed cap). */
  readonly found: number;
  /** Of those, articles new to the archive. */
  readonly created: number;
}

/**
 * Feeds: adding (checked, fetched once, stored in one go or not at all), listing, removing,
 * and polling with conditional GET and exponential backoff. New articles go to the archive;
 * each newly created one is handed to `enqueue` unless its feed is store-only.
 */
export function createFeedService(deps: FeedServiceDeps) {
  const { db, articles, enqueue, allowPrivate } = deps;
  const repo = createFeedsRepository(db);
  const now = deps.now ?? Date.now;
  const logger = deps.logger ?? silentLogger();
  const trusted = new Set((deps.trustedUrls ?? []).map((u) => parseFeedUrl(u).href));
  const fetchAny = deps.fetchFeed ?? defaultFetchFeed;
  const fetchFeed: FetchFeed = (url, options) =>
    fetchAny(url, trusted.has(url) ? { ...options, allowPrivate: true } : options);
  const maxItems = deps.maxItemsPerFeed ?? DEFAULT_MAX_ITEMS_PER_FEED;
  const readFeed: FeedReader =
    deps.readFeed ?? (async (bytes, options) => readInThread(bytes, options));
  const fetchOptions = { ...deps.fetchOptions, allowPrivate };

  /**
   * Stores items in one transaction, oldest first, so archive ids and the queue follow
   * publication order (search favours higher ids as newer). Returns the ids new to the archive.
   */
  function store(items: readonly ArticleInput[], feedId: number) {
    const oldestFirst = [...items].sort((a, b) => (a.publishedAt ?? 0) - (b.publishedAt ?? 0));
    const results = articles.storeMany(oldestFirst.map((item) => ({ ...item, feedId })));
    const createdIds = results.flatMap((r) => (r.status === "created" ? [r.article.id] : []));
    const updated = results.filter((r) => r.status === "updated").length;
    return { createdIds, updated };
  }

  function queue(feed: Pick<Feed, "id" | "storeOnly">, ids: readonly number[]): void {
    if (feed.storeOnly) return;
    for (const id of ids) {
      try {
        enqueue(id);
      } catch (error) {
        logger.error(
          { feedId: feed.id, articleId: id, err: error },
          "could not queue a new feed article",
        );
      }
    }
  }

  const { pollMany } = createFeedPolling({
    db,
    repo,
    fetchFeed,
    readFeed,
    fetchOptions,
    maxItems,
    backoffBaseMs: deps.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
    store,
    queue,
    now,
    logger,
  });

  return {
    /**
     * Checks the URL, fetches the feed once, and stores the feed with its items, all or nothing.
     * @throws FeedError (FeedUrlNotAllowedError, FeedFetchError, FeedParseError) with the reason;
     *   nothing is stored then.
     */
    async addFeed(rawUrl: string, options: { storeOnly?: boolean } = {}): Promise<AddFeedResult> {
      const shape = parseFeedUrl(rawUrl).href;
      const policy = trusted.has(shape) ? { ...fetchOptions, allowPrivate: true } : fetchOptions;
      const url = (await assertFeedUrlAllowed(rawUrl, policy)).href;
      const existing = repo.findByUrl(url);
      if (existing) throw new FeedError(`this feed is already added (id ${existing.id})`);
      const fetched = await fetchFeed(url, fetchOptions);
      if (fetched.status !== "ok")
        throw new FeedError("the server answered 304 Not Modified to a first request");
      const fetchedAt = now();
      const parsed = await readFeed(fetched.body, {
        contentType: fetched.contentType,
        feedUrl: fetched.url,
        maxItems,
        now: fetchedAt,
      });
      const storeOnly = options.storeOnly ?? false;
      const { feed, createdIds } = db.transaction(() => {
        const id = repo.insert({
          url,
          title: parsed.title ?? new URL(url).hostname,
          storeOnly,
          etag: fetched.etag,
          lastModified: fetched.lastModified,
          fetchedAt,
          nextFetchAt: fetchedAt,
        });
        const stored = store(parsed.items, id);
        repo.addItemCount(id, stored.createdIds.length);
        return { feed: repo.findById(id)!, createdIds: stored.createdIds };
      })();
      queue(feed, createdIds);
      logger.info(
        { feedId: feed.id, url, found: parsed.items.length, created: createdIds.length },
        "feed added",
      );
      return { feed, found: parsed.items.length, created: createdIds.length };
    },

    /** Every feed, oldest first, with its last fetch and error. */
    listFeeds: (): Feed[] => repo.list(),

    findFeed: (id: number): Feed | undefined => repo.findById(id),

    /**
     * Stops polling a feed. Its articles stay in the archive.
     * @throws FeedNotFoundError when there is no such feed.
     */
    removeFeed(id: number): Feed {
      const feed = repo.findById(id);
      if (!feed || !repo.delete(id)) throw new FeedNotFoundError(id);
      return feed;
    },

    /** Polls the feeds whose next fetch time has come. One failing feed never stops the others. */
    pollDue: (): Promise<PollResult[]> => pollMany(repo.due(now())),

    /** Polls every feed now, backoff or not (the operator's `fetch`). */
    pollAll: (): Promise<PollResult[]> => pollMany(repo.list()),
  };
}

export type FeedService = ReturnType<typeof createFeedService>;
