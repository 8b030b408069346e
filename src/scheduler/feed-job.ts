import type { PollResult } from "../feeds/feed-service.js";
import type { Logger } from "../logger.js";
import { type CronJob, startCronJob } from "./cron-job.js";

export interface FeedJobOptions {
  /** FEED_SCHEDULE: node-cron expression, 5 or 6 fields. */
  readonly schedule: string;
  /** TIMEZONE: IANA zone the schedule is read in. */
  readonly timezone: string;
  readonly feeds: { pollDue(): Promise<PollResult[]> };
  readonly logger: Logger;
}

/** runNow polls the due feeds now; stop waits for the poll in flight. */
export type FeedJob = CronJob<PollResult>;

/**
 * Polls due feeds on FEED_SCHEDULE in TIMEZONE. Ticks that fall while a poll is still going
 * are skipped; a failing poll is logged and never stops the process or the schedule.
 */
export function startFeedJob(options: FeedJobOptions): FeedJob {
  const { feeds, logger, schedule, timezone } = options;
  const job = startCronJob<PollResult>({
    name: "feeds",
    schedule,
    timezone,
    logger,
    work: () => feeds.pollDue(),
    report(results) {
      if (results.length === 0) return;
      const failed = results.filter((r) => r.status === "failed").length;
      const created = results.reduce((n, r) => n + (r.status === "ok" ? r.created : 0), 0);
      logger.info({ polled: results.length, failed, created }, "feed poll finished");
    },
    failureMessage: "feed poll failed",
  });
  logger.info({ schedule, timezone }, "feed polling scheduled");
  return job;
}
