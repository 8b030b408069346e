import type { Logger } from "../logger.js";
import type { PublishOutcome } from "../publishing/publisher.js";
import { type CronJob, startCronJob } from "./cron-job.js";

export interface PublishJobOptions {
  /** POST_SCHEDULE: node-cron expression, 5 or 6 fields. */
  readonly schedule: string;
  /** TIMEZONE: IANA zone the schedule is read in. */
  readonly timezone: string;
  readonly publisher: {
    publishDue(limit: number, signal?: AbortSignal): Promise<PublishOutcome[]>;
  };
  /** POSTS_PER_RUN */
  readonly postsPerRun: number;
  readonly logger: Logger;
}

/** runNow publishes once now; stop waits for the post in flight. */
export type PublishJob = CronJob<PublishOutcome>;

/**
 * Publishes due queue items on POST_SCHEDULE in TIMEZONE, POSTS_PER_RUN at a time. Ticks that
 * fall while a run is still going are skipped; the publisher skips runs while paused. Stopping
 * aborts the run between posts, never in the middle of one.
 */
export function startPublishJob(options: PublishJobOptions): PublishJob {
  const { publisher, postsPerRun, logger, schedule, timezone } = options;
  const job = startCronJob<PublishOutcome>({
    name: "publish",
    schedule,
    timezone,
    logger,
    work: (signal) => publisher.publishDue(postsPerRun, signal),
    report(outcomes) {
      if (outcomes.length > 0) logger.info({ outcomes }, "publish run finished");
    },
    failureMessage: "publish run failed",
  });
  logger.info({ schedule, timezone, postsPerRun }, "publishing scheduled");
  return job;
}
