import type { ArticleInput } from "../articles/article.js";
import { retryWhileBusy } from "../db/busy.js";
import type { Db } from "../db/connection.js";
import type { FeedsRepository } from "../db/feeds-repository.js";
import type { Logger } from "../logger.js";
import type { Feed } from "./feed.js";
import { FeedError } from "./feed-errors.js";
import type { FeedReader } from "./feed-reader.js";
import type { FetchFeed, FetchFeedOptions } from "./fetch-feed.js";

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
      readonly updated: number;
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
  /** Stores a feed's items in the archive (inside the caller's transaction). */
  readonly store: (
    items: readonly ArticleInput[],
    feedId: number,
  ) => { createdIds: number[]; updated: number };
  /** Queues the newly created articles of a feed (unless it is store-only). */
  readonly queue: (feed: Feed, ids: readonly number[]) => void;
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
      const { createdIds, updated } = await retryWhileBusy(() =>
        db.transaction(() => {
          const stored = deps.store(parsed.items, feed.id);
          repo.recordSuccess(feed.id, {
            title: parsed.title,
            etag: fetched.etag,
            lastModified: fetched.lastModified,
            fetchedAt: startedAt,
            nextFetchAt: startedAt,
            created: stored.createdIds.length,
          });
          return stored;
        })(),
      );
      deps.queue(feed, createdIds);
      logger.info(
        { feedId: feed.id, found: parsed.items.length, created: createdIds.length },
        "feed polled",
      );
      return {
        feedId: feed.id,
        status: "ok",
        found: parsed.items.length,
        created: createdIds.length,
        updated,
      };
    } catch (error) {
      const reason = reasonOf(error);
      const failures = feed.failureCount + 1;
      repo.recordFailure(feed.id, reason, startedAt, startedAt + backoff(failures));
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
