import type { Logger } from "../logger.js";
import type { Reindexer } from "../search/reindex.js";

export interface ReindexJobOptions {
  readonly reindexer: Reindexer;
  readonly logger: Logger;
  /** Articles per step: about 0.2 s of work, so an update waits at most that long. */
  readonly batch?: number;
  /** Pause between steps, leaving the thread to updates and other jobs. */
  readonly pauseMs?: number;
}

export interface ReindexJob {
  /** Resolves when re-indexing has finished or been stopped. */
  readonly done: Promise<void>;
  /** Stops after the step in flight (the next start carries on from there). */
  stop(): Promise<void>;
}

/**
 * Re-indexes a large archive from before migrations/008 in the background of the bot: short
 * steps with pauses between them, progress logged every tenth. Does nothing when the index is
 * complete; `npm run cli -- reindex` does the same work faster, in the foreground.
 */
export function startReindexJob(options: ReindexJobOptions): ReindexJob {
  const { reindexer, logger, batch = 500, pauseMs = 25 } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const first = reindexer.progress();
  if (first.finished) finish();
  else
    logger.info({ remaining: first.total - first.done }, "re-indexing older articles for search");
  let reportedTenth = Math.floor((10 * first.done) / Math.max(1, first.total));

  const tick = () => {
    if (stopped) return finish();
    try {
      const p = reindexer.step(batch);
      if (p.finished) {
        logger.info("search re-index finished");
        return finish();
      }
      const tenth = Math.floor((10 * p.done) / Math.max(1, p.total));
      if (tenth > reportedTenth) {
        reportedTenth = tenth;
        logger.info({ percent: tenth * 10 }, "search re-index progress");
      }
    } catch (error) {
      // Busy or failing: try again later rather than stopping the bot.
      logger.warn({ err: error }, "search re-index step failed; retrying");
    }
    timer = setTimeout(tick, pauseMs);
  };
  if (!first.finished) timer = setTimeout(tick, pauseMs);

  return {
    done,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      finish();
      await done;
    },
  };
}
