import cron from "node-cron";
import type { Logger } from "../logger.js";

export interface CronJobOptions<T> {
  /** node-cron's task name (shows in its own warnings). */
  readonly name: string;
  /** node-cron expression, 5 or 6 fields. */
  readonly schedule: string;
  /** IANA zone the schedule is read in. */
  readonly timezone: string;
  readonly logger: Logger;
  /** One run of the job; `signal` aborts when the job is stopped. */
  readonly work: (signal: AbortSignal) => Promise<T[]>;
  /** Logs what a finished run did. */
  readonly report: (results: T[]) => void;
  /** The log message of a run that threw. */
  readonly failureMessage: string;
}

export interface CronJob<T> {
  /** Runs once now, as a scheduled tick would (joins a run already in progress). */
  runNow(): Promise<T[]>;
  /** Stops the schedule, aborts the signal and resolves when the run in flight has finished. */
  stop(): Promise<void>;
}

/**
 * A job on a cron schedule that runs one at a time: ticks that fall while a run is going are
 * skipped (noOverlap) and runNow joins the run in flight. A run that throws (even before it
 * returns a promise) is logged and counts as no results: it never stops the process or the
 * schedule.
 */
export function startCronJob<T>(options: CronJobOptions<T>): CronJob<T> {
  const { logger } = options;
  const stopping = new AbortController();
  let running: Promise<T[]> | undefined;

  function run(): Promise<T[]> {
    if (running) return running;
    running = Promise.resolve()
      .then(() => options.work(stopping.signal))
      .then((results) => {
        options.report(results);
        return results;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, options.failureMessage);
        return [];
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  const task = cron.schedule(options.schedule, () => run(), {
    name: options.name,
    timezone: options.timezone,
    noOverlap: true,
  });

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
