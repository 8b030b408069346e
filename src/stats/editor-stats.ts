import type { Feed } from "../feeds/feed.js";
import type { QueueStats } from "../publishing/queue-service.js";

export interface FeedHealthCounts {
  readonly total: number;
  /** Last fetch worked. */
  readonly healthy: number;
  /** Last fetch failed. */
  readonly failing: number;
  /** Added but not fetched yet. */
  readonly pending: number;
}

/** The figures /stats shows: archive, queue and feeds at one moment. */
export interface StatsSnapshot extends QueueStats {
  readonly articles: number;
  readonly feeds: FeedHealthCounts;
  /** The failing feeds with their errors (the others need no attention). */
  readonly failingFeeds: readonly Pick<
    Feed,
    "id" | "url" | "title" | "lastError" | "lastProblem" | "failureCount"
  >[];
}

export interface StatsDeps {
  readonly articles: { count(): number };
  readonly queue: { stats(): QueueStats };
  readonly feeds?: { listFeeds(): Feed[] } | undefined;
}

/** Puts together the editors' figures from the archive, the queue and the feeds. */
export function createStatsService(deps: StatsDeps) {
  return {
    /** Counts now; posted today / last 7 days are calendar days in TIMEZONE. */
    snapshot(): StatsSnapshot {
      const feeds = deps.feeds?.listFeeds() ?? [];
      const failing = feeds.filter((f) => f.lastError !== null);
      const pending = feeds.filter((f) => f.lastError === null && f.lastSuccessAt === null);
      return {
        ...deps.queue.stats(),
        articles: deps.articles.count(),
        feeds: {
          total: feeds.length,
          healthy: feeds.length - failing.length - pending.length,
          failing: failing.length,
          pending: pending.length,
        },
        failingFeeds: failing.map(({ id, url, title, lastError, lastProblem, failureCount }) => ({
          id,
          url,
          title,
          lastError,
          lastProblem,
          failureCount,
        })),
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
