import { publishCommandMenus } from "./bot/commands-menu.js";
import { createBackgroundWork } from "./bot/editor-desk/background-work.js";
import { createLeaseRepository } from "./db/lease-repository.js";
import { createLogger } from "./logger.js";
import { composeBot } from "./runtime/compose-bot.js";
import { connectToTelegram } from "./runtime/connect-telegram.js";
import { createInFlightUpdates } from "./runtime/in-flight-updates.js";
import { acquireInstanceLease, LeaseHeldError } from "./runtime/instance-lease.js";
import { createObservability } from "./runtime/observability.js";
import { openArchive } from "./runtime/open-archive.js";
import { receiveUpdates } from "./runtime/receive-updates.js";
import { exitOnStartupFailure, StartupFailure } from "./runtime/startup-failure.js";
import { startFeedJob } from "./scheduler/feed-job.js";
import { startPublishJob } from "./scheduler/publish-job.js";
import { startReindexJob } from "./scheduler/reindex-job.js";
import { createReindexer } from "./search/reindex.js";
import type { Services } from "./services.js";
import { EXIT_BAD_CONFIG, loadConfigOrExit, MISSING_TOKEN_HELP } from "./startup.js";

const config = loadConfigOrExit();
if (!config.botToken) {
  // Without a token, a newcomer gets the sandbox; a production deployment gets the instructions.
  if (!config.production) await (await import("./sandbox/run-sandbox.js")).runSandbox(config);
  process.stderr.write(`${MISSING_TOKEN_HELP}\n`);
  process.exit(EXIT_BAD_CONFIG);
}
const token = config.botToken;
const secrets = [token, config.webhook?.secret];
const logger = createLogger(config.logLevel, secrets);
// Node would print these raw, and a network error's message can hold the request URL (and so the
// token): they go through the redacting logger instead, and still stop the process.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    logger.fatal({ err: error }, `${event}: stopping`);
    process.exit(1);
  });
}

// Whatever stops the start is one line on stderr and exit code 1 or 2; this undoes what was
// already set up (the lease first, so a retry can start at once).
const undo: Array<() => unknown> = [];
const failStart = async (error: unknown): Promise<never> => {
  for (const step of undo.reverse())
    await Promise.resolve()
      .then(step)
      .catch(() => undefined);
  exitOnStartupFailure(error, secrets);
};

const { db, applied } = await Promise.resolve()
  .then(() => openArchive(config.databasePath))
  .catch(failStart);
undo.push(() => db.close());
if (applied.length) logger.info({ applied }, "database migrated");

let stopping = false;
const lease = await Promise.resolve()
  .then(() =>
    acquireInstanceLease({
      repo: createLeaseRepository(db),
      logger,
      onLost: () => void shutdown("lease lost"),
    }),
  )
  .catch((error: unknown) =>
    failStart(
      error instanceof LeaseHeldError
        ? new StartupFailure(
            `Another bot is already running on ${config.databasePath} (pid ${error.holder.pid} on ${error.holder.hostname}, since ${new Date(error.holder.startedAt).toISOString()}): only one bot may run per archive. Stop it first; the CLI (npm run cli) works beside it.`,
          )
        : error,
    ),
  );
undo.push(() => lease.release());

const me = await connectToTelegram({ token, apiRoot: config.telegramApiRoot }).catch(failStart);

const background = createBackgroundWork(logger);
const inFlight = createInFlightUpdates();
let services: Services | undefined;
const ops = createObservability({ config, db, services: () => services!, logger });
/**
 * Updates handled at once: about 10 s of replies at Telegram's 30 a second, what the send
 * scheduler drains. A flood beyond it waits at Telegram instead of in our memory (each update
 * waiting for its reply holds about 100 KB: at 900 the load benchmark went past 200 MB).
 */
const RUNNER_CONCURRENCY = 300;

// One send scheduler for the channel's Api, bot.api and dialogs; every call watched.
const apiObservers = {
  inner: [ops.metrics.innerTransformer],
  outer: [ops.metrics.outerTransformer, ops.status.transformer],
};
const composed = composeBot({
  config,
  db,
  logger,
  token,
  botInfo: me,
  apiObservers,
  instrumentGateway: (gateway) => ops.metrics.instrumentGateway(gateway),
  middleware: [inFlight.middleware, ops.metrics.middleware],
  deps: { background, telegramStatus: () => ops.status.snapshot() },
});
services = composed.services;
const { bot, editorMenus } = composed;
const { articles, publishing, feeds } = services;
if (!publishing)
  logger.warn("CHANNEL_ID is not set: publishing is off; feed items are archived, not queued");

const healthServer = await ops.startHealthServer().catch(failStart);
undo.push(() => healthServer?.close());

if (publishing) {
  const recovered = await publishing.publisher.recoverInterrupted();
  if (recovered.length)
    logger.warn({ items: recovered.map((i) => i.id) }, "re-queued posts interrupted by a crash");
  publishing.publisher.followEdits(articles);
}

logger.info(
  { username: me.username, database: config.databasePath, channel: config.channelId },
  "bot starting",
);
await publishCommandMenus(bot.api, { adminIds: config.adminIds, menus: editorMenus, logger }).catch(
  (error: unknown) => logger.warn({ err: String(error) }, "could not publish the command menus"),
);
const updates = await receiveUpdates({
  bot,
  config,
  status: ops.status,
  logger,
  extraRoutes: ops.webhookExtraRoutes,
  runnerConcurrency: RUNNER_CONCURRENCY,
}).catch(failStart);
ops.updatesStarted(updates);

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
      ops.metrics.recordFeedPolls(results);
      return results;
    },
  },
  logger,
});

/**
 * Stop taking updates and scheduled work, let the post in flight and editors' deliveries
 * finish, give up the lease, then close the database.
 */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  let clean = true;
  try {
    await Promise.allSettled([
      publishJob?.stop(),
      feedJob.stop(),
      reindexJob.stop(),
      updates.stop(),
    ]);
    await inFlight.idle(30_000);
    await background.idle();
    await publishing?.publisher.shutdown();
    await services?.feedReader.close();
    await healthServer?.close();
  } catch (error) {
    clean = false;
    logger.error({ err: error }, "error while stopping");
  } finally {
    lease.release();
    db.close();
  }
  logger.info("stopped");
  process.exit(clean ? 0 : 1);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
