import type { ArticleService } from "../articles/article-service.js";
import type { Db } from "../db/connection.js";
import type { FeedRulesPatch } from "../db/feeds-repository.js";
import { createFeedsRepository } from "../db/feeds-repository.js";
import { type Logger, silentLogger } from "../logger.js";
import type { Feed } from "./feed.js";
import { FeedError, FeedExistsError, FeedNotFoundError } from "./feed-errors.js";
import { createFeedPolling, MAX_BACKOFF_MS, type PollResult } from "./feed-polling.js";
import type { FeedReader } from "./feed-reader.js";
import type { FeedWordRules } from "./feed-rules.js";
import { DEFAULT_MAX_ITEMS_PER_FEED } from "./feed-to-articles.js";
import { assertFeedUrlAllowed, type HostLookup, parseFeedUrl } from "./feed-url-safety.js";
import { fetchFeed as defaultFetchFeed, type FetchFeed } from "./fetch-feed.js";
import { readFeed as readInThread } from "./read-feed.js";
import { type QueuePlan, queueStored, refusedSummary, storeFetch } from "./store-fetch.js";

/** First wait after a failure; doubled for each further failure in a row. */
export const DEFAULT_BACKOFF_BASE_MS = 10 * 60_000;
/** FEED_MAX_AGE's default: items published longer ago are archived, not queued. */
export const DEFAULT_FEED_MAX_AGE_MS = 2 * 24 * 60 * 60_000;
export { MAX_BACKOFF_MS, type PollResult };

export interface FeedServiceDeps {
  readonly db: Db;
  readonly articles: ArticleService;
  /** Queues a newly created article for the channel; absent when there is no channel. */
  readonly enqueue?: ((articleId: number) => void) | undefined;
  /** FEED_MAX_AGE in ms: later items published longer ago are archived only. */
  readonly maxAgeMs?: number;
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
  /** Of those, articles new to the archive (all archived). */
  readonly created: number;
  /** Of the new ones, how many were queued for the channel (`latest N`). */
  readonly queued: number;
  /** Items that are stories already stored from another source. */
  readonly alsoIn: number;
  /** Items stored with their text cut to the archive's length. */
  readonly cut: number;
  /** Why items could not be stored, one entry per item. */
  readonly refused: readonly string[];
}

export interface AddFeedOptions {
  readonly storeOnly?: boolean;
  /** Queue the newest N items now; by default what a feed lists when added is archived only. */
  readonly latest?: number;
}

/**
 * Feeds: adding (checked, fetched once, stored in one go or not at all), listing, removing,
 * and polling with conditional GET and exponential backoff. New articles go to the archive.
 * What a feed lists when added is archived only (unless `latest N`); new items of later
 * fetches are handed to `enqueue`, unless the feed is store-only or they were published
 * longer than FEED_MAX_AGE ago.
 */
export function createFeedService(deps: FeedServiceDeps) {
  const { db, articles, enqueue, allowPrivate } = deps;
  const maxAgeMs = deps.maxAgeMs ?? DEFAULT_FEED_MAX_AGE_MS;
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

  /** Stores one fetch inside the caller's transaction and records what was refused. */
  function store(
    parsed: Parameters<typeof storeFetch>[1],
    feed: Pick<Feed, "id" | "storeOnly"> & Partial<FeedWordRules>,
    plan: QueuePlan,
  ) {
    const stored = storeFetch(articles, parsed, {
      feedId: feed.id,
      canQueue: !feed.storeOnly && enqueue !== undefined,
      plan,
      // The feed's include / exclude words: items they filter out are archived, never queued.
      rules: { includeWords: feed.includeWords ?? [], excludeWords: feed.excludeWords ?? [] },
    });
    repo.recordRefused(feed.id, stored.refused.length, refusedSummary(stored.refused));
    return stored;
  }

  function queue(feedId: number, ids: readonly number[]): number {
    return enqueue ? queueStored(ids, enqueue, articles, logger, feedId) : 0;
  }

  const { pollMany } = createFeedPolling({
    db,
    repo,
    fetchFeed,
    readFeed,
    fetchOptions,
    maxItems,
    backoffBaseMs: deps.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
    store: (parsed, feed, at) => store(parsed, feed, { kind: "later", notBefore: at - maxAgeMs }),
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
    async addFeed(rawUrl: string, options: AddFeedOptions = {}): Promise<AddFeedResult> {
      const shape = parseFeedUrl(rawUrl).href;
      const policy = trusted.has(shape) ? { ...fetchOptions, allowPrivate: true } : fetchOptions;
      const url = (await assertFeedUrlAllowed(rawUrl, policy)).href;
      const existing = repo.findByUrl(url);
      if (existing) throw new FeedExistsError(existing.id);
      const fetched = await fetchFeed(url, fetchOptions);
      if (fetched.status !== "ok")
        throw new FeedError("the server answered 304 Not Modified to a first request", {
          problem: { code: "not-modified-first" },
        });
      const fetchedAt = now();
      const parsed = await readFeed(fetched.body, {
        contentType: fetched.contentType,
        feedUrl: fetched.url,
        maxItems,
        now: fetchedAt,
      });
      const storeOnly = options.storeOnly ?? false;
      const { feed, stored } = db.transaction(() => {
        const id = repo.insert({
          url,
          title: parsed.title ?? new URL(url).hostname,
          storeOnly,
          etag: fetched.etag,
          lastModified: fetched.lastModified,
          fetchedAt,
          nextFetchAt: fetchedAt,
        });
        const stored = store(
          parsed,
          { id, storeOnly },
          { kind: "added", latest: options.latest ?? 0 },
        );
        repo.addItemCount(id, stored.created);
        return { feed: repo.findById(id)!, stored };
      })();
      const queued = queue(feed.id, stored.toQueue);
      const { found, created, alsoIn, cut, refused } = stored;
      logger.info(
        { feedId: feed.id, url, found, created, queued, refused: refused.length },
        "feed added",
      );
      return { feed, found, created, queued, alsoIn, cut, refused };
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

    /**
     * Changes a feed's rules (store-only, polling paused, include / exclude words); they apply
     * from its next fetch. Returns the feed as it now is.
     * @throws FeedNotFoundError when there is no such feed.
     */
    setRules(id: number, patch: FeedRulesPatch): Feed {
      if (!repo.setRules(id, patch)) throw new FeedNotFoundError(id);
      const feed = repo.findById(id)!;
      logger.info({ feedId: id, patch }, "feed rules changed");
      return feed;
    },

    /** Polls the feeds whose next fetch time has come (not paused ones). One failing feed never stops the others. */
    pollDue: (): Promise<PollResult[]> => pollMany(repo.due(now())),

    /** Polls every feed that is not paused now, backoff or not (the operator's `fetch`). */
    pollAll: (): Promise<PollResult[]> => pollMany(repo.list().filter((f) => !f.paused)),
  };
}

export type FeedService = ReturnType<typeof createFeedService>;
