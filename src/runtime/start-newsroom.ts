import { publishCommandMenus } from "../bot/commands-menu.js";
import type { PollResult } from "../feeds/feed-service.js";
import { startFeedJob } from "../scheduler/feed-job.js";
import { startPublishJob } from "../scheduler/publish-job.js";
import { startReindexJob } from "../scheduler/reindex-job.js";
import { createReindexer } from "../search/reindex.js";
import type { ComposedNewsroom } from "./compose-bot.js";

/** Something that hands updates to the bot until stopped: long polling, a webhook, the emulator. */
export interface UpdateReceiver {
  /** Stops taking updates (ends the long poll, or closes the webhook server). */
  stop(): Promise<void>;
}

export interface StartNewsroomOptions {
  /** What composeBot built. */
  readonly newsroom: ComposedNewsroom;
  /** Starts taking updates for the composed bot; polling, webhook or the emulator. */
  readonly receive: (bot: ComposedNewsroom["bot"]) => Promise<UpdateReceiver>;
  /** Told every feed poll's results (metrics). */
  readonly onFeedPolls?: (results: readonly PollResult[]) => void;
  /** Longest wait for updates being handled at stop; 30 s unless given. */
  readonly inFlightTimeoutMs?: number;
  /**
   * Runs at stop after everything that uses the archive has ended and before the database
   * closes (the caller's servers, the instance lease).
   */
  readonly beforeDatabaseCloses?: () => unknown;
}

/** The order stop() ends things in; each step is awaited before the next begins. */
export const STOP_ORDER = [
  "updates",
  "in-flight updates",
  "jobs",
  "background work",
  "post in flight",
  "feed reader",
  "database",
] as const;

export type StopStep = (typeof STOP_ORDER)[number];

export interface RunningNewsroom {
  /**
   * Ends everything in STOP_ORDER, awaiting each step; a step that fails is reported and the
   * next still runs. Safe to call twice: the second call waits for the first.
   */
  stop(): Promise<{ readonly clean: boolean; readonly failed: readonly StopStep[] }>;
}

/**
 * Starts a composed newsroom the one way npm start and the sandbox both do: re-queues posts a
 * crash interrupted, follows article edits into posted messages, publishes the command menus,
 * starts taking updates, then the publish, re-index and feed jobs.
 * @throws what `receive` throws (a taken port, a refused webhook); nothing else is left running then.
 */
export async function startNewsroom(options: StartNewsroomOptions): Promise<RunningNewsroom> {
  const { newsroom } = options;
  const { services, bot, editorMenus, background, inFlight } = newsroom;
  const { config, db, logger, publishing, feeds } = services;

  if (publishing) {
    const recovered = await publishing.publisher.recoverInterrupted();
    if (recovered.length)
      logger.warn({ items: recovered.map((i) => i.id) }, "re-queued posts interrupted by a crash");
    publishing.publisher.followEdits(services.articles);
  } else {
    logger.warn("CHANNEL_ID is not set: publishing is off; feed items are archived, not queued");
  }
  await publishCommandMenus(bot.api, {
    adminIds: config.adminIds,
    menus: editorMenus,
    logger,
  }).catch((error: unknown) =>
    logger.warn({ err: String(error) }, "could not publish the command menus"),
  );
  const updates = await options.receive(bot);

  const publishJob = publishing
    ? startPublishJob({
        schedule: config.postSchedule,
        timezone: config.timezone,
        publisher: publishing.publisher,
        postsPerRun: config.postsPerRun,
        logger,
      })
    : undefined;
  // An archive from before word-form search finishes re-indexing in the background.
  const reindexJob = startReindexJob({ reindexer: createReindexer(db), logger });
  const feedJob = startFeedJob({
    schedule: config.feedSchedule,
    timezone: config.timezone,
    feeds: {
      pollDue: async () => {
        const results = await feeds.pollDue();
        options.onFeedPolls?.(results);
        return results;
      },
    },
    logger,
  });

  const steps: Record<StopStep, () => unknown> = {
    updates: () => updates.stop(),
    "in-flight updates": () => inFlight.idle(options.inFlightTimeoutMs ?? 30_000),
    jobs: async () => {
      const ended = await Promise.allSettled([
        publishJob?.stop(),
        feedJob.stop(),
        reindexJob.stop(),
      ]);
      const failure = ended.find((r) => r.status === "rejected");
      if (failure) throw failure.reason;
    },
    "background work": () => background.idle(),
    "post in flight": () => publishing?.publisher.shutdown(),
    "feed reader": () => services.feedReader.close(),
    database: async () => {
      await options.beforeDatabaseCloses?.();
      db.close();
    },
  };

  let stopped: ReturnType<RunningNewsroom["stop"]> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        const failed: StopStep[] = [];
        for (const step of STOP_ORDER) {
          try {
            await steps[step]();
          } catch (error) {
            failed.push(step);
            logger.error({ err: error, step }, "error while stopping");
          }
        }
        return { clean: failed.length === 0, failed };
      })();
      return stopped;
    },
  };
}
