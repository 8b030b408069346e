import cron from "node-cron";
import type { PollResult } from "../feeds/feed-service.js";
import type { Logger } from "../logger.js";

export interface FeedJobOptions {
  /** FEED_SCHEDULE: node-cron expression, 5 or 6 fields. */
  readonly schedule: string;
  /** TIMEZONE: IANA zone the schedule is read in. */
  readonly timezone: string;
  readonly feeds: { pollDue(): Promise<PollResult[]> };
  readonly logger: Logger;
}

export interface FeedJob {
  /** Polls the due feeds now, as a scheduled tick would (joins a poll already in progress). */
  runNow(): Promise<PollResult[]>;
  /** Stops the schedule and resolves when the poll in flight (if any) is finished. */
  stop(): Promise<void>;
}

/**
 * Polls due feeds on FEED_SCHEDULE in TIMEZONE. Ticks that fall while a poll is still going
 * are skipped (noOverlap); a failing poll is logged and never stops the process or the schedule.
 */
export function startFeedJob(options: FeedJobOptions): FeedJob {
  const { feeds, logger } = options;
  let stopped = false;
  let running: Promise<PollResult[]> | undefined;

  function run(): Promise<PollResult[]> {
    if (running) return running;
    running = feeds
      .pollDue()
      .then((results) => {
        const failed = results.filter((r) => r.status === "failed").length;
        const created = results.reduce((n, r) => n + (r.status === "ok" ? r.created : 0), 0);
        if (results.length > 0)
          logger.info({ polled: results.length, failed, created }, "feed poll finished");
        return results;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "feed poll failed");
        return [];
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  const task = cron.schedule(options.schedule, () => run(), {
    name: "feeds",
    timezone: options.timezone,
    noOverlap: true,
  });
  logger.info({ schedule: options.schedule, timezone: options.timezone }, "feed polling scheduled");

  return {
    runNow: () => (stopped ? Promise.resolve([]) : run()),
    async stop() {
      stopped = true;
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
