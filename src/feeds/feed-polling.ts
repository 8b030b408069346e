import { retryWhileBusy } from "../db/busy.js";
import type { Db } from "../db/connection.js";
import type { FeedsRepository } from "../db/feeds-repository.js";
import type { Logger } from "../logger.js";
import type { Feed } from "./feed.js";
import { FeedError } from "./feed-errors.js";
import type { FeedReader } from "./feed-reader.js";
import type { FeedArticles } from "./feed-to-articles.js";
import type { FetchFeed, FetchFeedOptions } from "./fetch-feed.js";
import type { StoredFetch } from "./store-fetch.js";

export const MAX_BACKOFF_MS = 24 * 60 * 60_000;
/** Feeds fetched at the same time during one poll. */
const POLL_CONCURRENCY = 4;

/** What one poll of one feed did. */
export type PollResult =
  | { readonly feedId: number; readonly status: "not-modified" }
  | {
      readonly feedId: number;
      readonly status: "ok";
      readonly found: number;
      readonly created: number;
      /** Of the new articles, those queued (the rest were older than FEED_MAX_AGE). */
      readonly queued: number;
      readonly updated: number;
      /** Why items could not be stored, one entry per item. */
      readonly refused: readonly string[];
    }
  | { readonly feedId: number; readonly status: "failed"; readonly error: string };

export interface FeedPollingDeps {
  readonly db: Db;
  readonly repo: FeedsRepository;
  readonly fetchFeed: FetchFeed;
  readonly fetchOptions: FetchFeedOptions;
  /** Reads the fetched bytes (off the bot's thread, with a time budget, in production). */
  readonly readFeed: FeedReader;
  readonly maxItems: number;
  /** First wait after a failure; doubled for each further failure in a row. */
  readonly backoffBaseMs: number;
  /** Stores a fetch's items in the archive (inside the caller's transaction), fetched at `at`. */
  readonly store: (parsed: FeedArticles, feed: Feed, at: number) => StoredFetch;
  /** Queues the articles a fetch meant for the channel; returns how many were queued. */
  readonly queue: (feedId: number, ids: readonly number[]) => number;
  readonly now: () => number;
  readonly logger: Logger;
}

function reasonOf(error: unknown): string {
  return error instanceof FeedError
    ? error.message
    : "the feed could not be processed (internal error)";
}

/**
 * Polling: conditional GET with the feed's validators, items stored with the fetch recorded in
 * one transaction, and exponential backoff after failures. One failing feed never stops the
 * others.
 */
export function createFeedPolling(deps: FeedPollingDeps) {
  const { db, repo, logger, now } = deps;

  function backoff(failures: number): number {
    return Math.min(deps.backoffBaseMs * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
  }

  async function poll(feed: Feed): Promise<PollResult> {
    const startedAt = now();
    try {
      const fetched = await deps.fetchFeed(feed.url, {
        ...deps.fetchOptions,
        etag: feed.etag,
        lastModified: feed.lastModified,
      });
      if (fetched.status === "not-modified") {
        repo.recordSuccess(feed.id, {
          title: null,
          etag: feed.etag,
          lastModified: feed.lastModified,
          fetchedAt: startedAt,
          nextFetchAt: startedAt,
          created: 0,
        });
        return { feedId: feed.id, status: "not-modified" };
      }
      const parsed = await deps.readFeed(fetched.body, {
        contentType: fetched.contentType,
        feedUrl: fetched.url,
        maxItems: deps.maxItems,
        now: startedAt,
      });
      // A busy database (the CLI importing beside us) delays the write; it does not fail the poll.
      const stored = await retryWhileBusy(() =>
        db.transaction(() => {
          const stored = deps.store(parsed, feed, startedAt);
          repo.recordSuccess(feed.id, {
            title: parsed.title,
            etag: fetched.etag,
            lastModified: fetched.lastModified,
            fetchedAt: startedAt,
            nextFetchAt: startedAt,
            created: stored.created,
          });
          return stored;
        })(),
      );
      const queued = deps.queue(feed.id, stored.toQueue);
      const { found, created, updated, refused } = stored;
      logger.info(
        { feedId: feed.id, found, created, queued, updated, refused: refused.length },
        "feed polled",
      );
      return { feedId: feed.id, status: "ok", found, created, queued, updated, refused };
    } catch (error) {
      const reason = reasonOf(error);
      const failures = feed.failureCount + 1;
      const problem = error instanceof FeedError ? error.problem : undefined;
      repo.recordFailure(feed.id, reason, startedAt, startedAt + backoff(failures), problem);
      const log = error instanceof FeedError ? logger.warn.bind(logger) : logger.error.bind(logger);
      log({ feedId: feed.id, url: feed.url, failures, reason, err: error }, "feed poll failed");
      return { feedId: feed.id, status: "failed", error: reason };
    }
  }

  /** Polls `feeds`, a few at a time; results in the same order. */
  async function pollMany(feeds: readonly Feed[]): Promise<PollResult[]> {
    const results: PollResult[] = new Array(feeds.length);
    let next = 0;
    const worker = async () => {
      while (next < feeds.length) {
        const index = next++;
        results[index] = await poll(feeds[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(POLL_CONCURRENCY, feeds.length) }, worker));
    return results;
  }

  return { pollMany };
}
