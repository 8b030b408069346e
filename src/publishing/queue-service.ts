import type { Article } from "../articles/article.js";
import type { Db } from "../db/connection.js";
import type { QueueRepository } from "../db/queue-repository.js";
import type { PauseState } from "./pause-state.js";
import { type NextRun, planTimes } from "./plan-times.js";
import {
  ArticleNotFoundError,
  QueueItemNotFoundError,
  QueueItemStateError,
} from "./queue-errors.js";
import type { PlannedItem, QueueItem } from "./queue-item.js";
import { type QueueStats, queueStats } from "./queue-stats.js";

export type { QueueStats };

export interface QueueServiceDeps {
  readonly db: Db;
  readonly queue: QueueRepository;
  readonly articles: { findById(id: number): Article | undefined };
  readonly pauseState: PauseState;
  /** CHANNEL_ID: the channel this queue posts to. */
  readonly channel: string;
  /** Fire times of POST_SCHEDULE in TIMEZONE (see cronNextRun). */
  readonly nextRun: NextRun;
  readonly postsPerRun: number;
  readonly timezone: string;
  readonly now?: () => number;
}

export type EnqueueResult =
  | { readonly status: "queued"; readonly item: QueueItem }
  | { readonly status: "already-queued"; readonly item: QueueItem }
  | { readonly status: "already-posted"; readonly item: QueueItem };

/**
 * The publication queue of one channel: the operations editors run from the bot. Each is one
 * short SQLite transaction. Only queued items can be moved or removed; a posted article cannot
 * be queued again for the same channel.
 */
export function createQueueService(deps: QueueServiceDeps) {
  const { db, queue, channel, pauseState } = deps;
  const now = deps.now ?? Date.now;

  function queuedItem(itemId: number): QueueItem {
    const item = queue.findById(itemId);
    if (!item || item.channel !== channel) throw new QueueItemNotFoundError(itemId);
    if (item.state !== "queued") {
      throw new QueueItemStateError(
        `queue item ${itemId} is ${item.state}; only queued items can be changed`,
      );
    }
    return item;
  }

  function queuedInOrder(): QueueItem[] {
    return queue.listLive(channel).filter((item) => item.state === "queued");
  }

  /** Renumbers the queued items 1..n in the given order. */
  function renumber(items: readonly QueueItem[]): void {
    const at = now();
    for (const [index, item] of items.entries()) queue.setPosition(item.id, index + 1, at);
  }

  function move(itemId: number, place: (ids: number[], index: number) => number[]): QueueItem {
    return db.transaction(() => {
      queuedItem(itemId);
      const items = queuedInOrder();
      const ids = place(
        items.map((item) => item.id),
        items.findIndex((item) => item.id === itemId),
      );
      renumber(ids.map((id) => items.find((item) => item.id === id)!));
      return queue.findById(itemId)!;
    })();
  }

  const swap = (ids: number[], a: number, b: number) => {
    if (a < 0 || b < 0 || a >= ids.length || b >= ids.length) return ids;
    const copy = [...ids];
    [copy[a], copy[b]] = [copy[b]!, copy[a]!];
    return copy;
  };

  return {
    /**
     * Queues an article at the end (or the top). Idempotent: an article already queued or
     * already posted to this channel is reported, not queued again.
     * @throws ArticleNotFoundError
     */
    enqueue(
      articleId: number,
      options: { notBefore?: number | null; top?: boolean } = {},
    ): EnqueueResult {
      return db.transaction((): EnqueueResult => {
        if (!deps.articles.findById(articleId)) throw new ArticleNotFoundError(articleId);
        const posted = queue.findPosted(articleId, channel);
        if (posted) return { status: "already-posted", item: posted };
        const live = queue.findLive(articleId, channel);
        if (live) return { status: "already-queued", item: live };
        const { lo, hi } = queue.positionEdges(channel);
        const position = options.top ? (lo ?? 1) - 1 : (hi ?? 0) + 1;
        const id = queue.insert({
          articleId,
          channel,
          position,
          notBefore: options.notBefore ?? null,
          at: now(),
        });
        return { status: "queued", item: queue.findById(id)! };
      })();
    },

    /**
     * Takes a queued item out of the queue (state removed); a failed one too.
     * @throws QueueItemNotFoundError, QueueItemStateError
     */
    remove(itemId: number): QueueItem {
      return db.transaction(() => {
        const item = queue.findById(itemId);
        if (!item || item.channel !== channel) throw new QueueItemNotFoundError(itemId);
        if (
          !queue.transition(itemId, item.state === "failed" ? "failed" : "queued", "removed", now())
        ) {
          throw new QueueItemStateError(
            `queue item ${itemId} is ${item.state} and cannot be removed`,
          );
        }
        return queue.findById(itemId)!;
      })();
    },

    /** Puts a failed item back at the end of the queue. */
    retry(itemId: number): QueueItem {
      return db.transaction(() => {
        const item = queue.findById(itemId);
        if (!item || item.channel !== channel) throw new QueueItemNotFoundError(itemId);
        if (queue.findPosted(item.articleId, channel) || queue.findLive(item.articleId, channel)) {
          throw new QueueItemStateError(
            `the article of queue item ${itemId} is already queued or posted`,
          );
        }
        const { hi } = queue.positionEdges(channel);
        if (!queue.requeueFailed(itemId, (hi ?? 0) + 1, now())) {
          throw new QueueItemStateError(
            `queue item ${itemId} is ${item.state}; only failed items can be retried`,
          );
        }
        return queue.findById(itemId)!;
      })();
    },

    /** Moves a queued item to the front. */
    moveToTop: (itemId: number): QueueItem =>
      move(itemId, (ids, i) => [ids[i]!, ...ids.filter((_, j) => j !== i)]),
    /** Swaps a queued item with the one before it (no change at the top). */
    moveUp: (itemId: number): QueueItem => move(itemId, (ids, i) => swap(ids, i, i - 1)),
    /** Swaps a queued item with the one after it (no change at the bottom). */
    moveDown: (itemId: number): QueueItem => move(itemId, (ids, i) => swap(ids, i, i + 1)),

    /**
     * Puts the given queued items first, in this order; queued items not named keep their
     * relative order after them (so an item queued meanwhile by a feed is not lost).
     * @throws QueueItemNotFoundError, QueueItemStateError for an id that is not queued
     */
    reorder(ids: readonly number[]): void {
      db.transaction(() => {
        const named = [...new Set(ids)].map(queuedItem);
        const rest = queuedInOrder().filter((item) => !named.some((n) => n.id === item.id));
        renumber([...named, ...rest]);
      })();
    },

    /** One item of this channel's queue, any state. */
    get(itemId: number): QueueItem | undefined {
      const item = queue.findById(itemId);
      return item?.channel === channel ? item : undefined;
    },

    /**
     * Live items in the order they will go out (one being sent first), each with its headline
     * and planned time from POST_SCHEDULE, POSTS_PER_RUN and not-before times. Planned times
     * are null while publishing is paused.
     */
    list(): PlannedItem[] {
      const at = now();
      const live = queue.listLive(channel);
      const queued = live.filter((item) => item.state === "queued");
      const paused = pauseState.isPaused();
      const times = paused
        ? []
        : planTimes(queued, { nextRun: deps.nextRun, postsPerRun: deps.postsPerRun, now: at });
      return live.map((item) => {
        const article = deps.articles.findById(item.articleId);
        return {
          ...item,
          title: article?.title ?? "(article deleted)",
          feedId: article?.feedId ?? null,
          plannedAt:
            item.state === "sending" ? at : paused ? null : (times[queued.indexOf(item)] ?? null),
        };
      });
    },

    /** How many queued items came from feed `feedId`. */
    countFromFeed: (feedId: number): number => queue.queuedOfFeed(channel, feedId).length,

    /**
     * Takes every queued item of feed `feedId` out of the queue in one transaction (their
     * articles stay private: they were never posted). Returns how many were removed.
     */
    removeFromFeed(feedId: number): number {
      return db.transaction(() => {
        const at = now();
        let removed = 0;
        for (const id of queue.queuedOfFeed(channel, feedId)) {
          if (queue.transition(id, "queued", "removed", at)) removed++;
        }
        return removed;
      })();
    },

    /** Items that failed, newest first, with the reason Telegram gave. */
    failed: (limit = 10): QueueItem[] => queue.listInState(channel, "failed", limit),

    /** Stops scheduled publishing (kept across restarts); "post now" still works. */
    pause: (reason: string | null = null): boolean => pauseState.pause("editor", reason),
    /** Restarts scheduled publishing. */
    resume: (): boolean => pauseState.resume(),
    isPaused: (): boolean => pauseState.isPaused(),

    /** Queue length, posts today and in the last 7 days (calendar days in TIMEZONE), pause, last error. */
    stats: (): QueueStats =>
      queueStats({ queue, pauseState, channel, timezone: deps.timezone, at: now() }),
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
