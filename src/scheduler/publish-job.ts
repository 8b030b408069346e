import cron from "node-cron";
import type { Logger } from "../logger.js";
import type { PublishOutcome } from "../publishing/publisher.js";

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

export interface PublishJob {
  /** Runs once now, as a scheduled tick would (skipped if a run is in progress). */
  runNow(): Promise<PublishOutcome[]>;
  /** Stops the schedule and resolves when the post in flight (if any) is finished. */
  stop(): Promise<void>;
}

/**
 * Publishes due queue items on POST_SCHEDULE in TIMEZONE, POSTS_PER_RUN at a time. Ticks that
 * fall while a run is still going are skipped (noOverlap); the publisher skips runs while paused.
 */
export function startPublishJob(options: PublishJobOptions): PublishJob {
  const { publisher, postsPerRun, logger } = options;
  const stopping = new AbortController();
  let running: Promise<PublishOutcome[]> | undefined;

  function run(): Promise<PublishOutcome[]> {
    if (running) return running;
    running = publisher
      .publishDue(postsPerRun, stopping.signal)
      .then((outcomes) => {
        if (outcomes.length > 0) logger.info({ outcomes }, "publish run finished");
        return outcomes;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "publish run failed");
        return [];
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  const task = cron.schedule(options.schedule, () => run(), {
    name: "publish",
    timezone: options.timezone,
    noOverlap: true,
  });
  logger.info(
    { schedule: options.schedule, timezone: options.timezone, postsPerRun },
    "publishing scheduled",
  );

  return {
    runNow: () => (stopping.signal.aborted ? Promise.resolve([]) : run()),
    async stop() {
      stopping.abort();
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
