import { createLeaseRepository } from "./db/lease-repository.js";
import { createLogger } from "./logger.js";
import { composeBot } from "./runtime/compose-bot.js";
import { connectToTelegram } from "./runtime/connect-telegram.js";
import { acquireInstanceLease, LeaseHeldError } from "./runtime/instance-lease.js";
import { createObservability } from "./runtime/observability.js";
import { openArchive } from "./runtime/open-archive.js";
import { receiveUpdates } from "./runtime/receive-updates.js";
import { type RunningNewsroom, startNewsroom } from "./runtime/start-newsroom.js";
import { exitOnStartupFailure, StartupFailure } from "./runtime/startup-failure.js";
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
let newsroom: RunningNewsroom | undefined;
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

let services: Services | undefined;
const ops = createObservability({ config, db, services: () => services!, logger });
/**
 * Updates handled at once: about 10 s of replies at Telegram's 30 a second, what the send
 * scheduler drains. A flood beyond it waits at Telegram instead of in our memory (each update
 * waiting for its reply holds about 100 KB: at 900 the load benchmark went past 200 MB).
 */
const RUNNER_CONCURRENCY = 300;

// One send scheduler for the channel's Api, bot.api and dialogs; every call watched.
const composed = composeBot({
  config,
  db,
  logger,
  botInfo: me,
  apiObservers: {
    inner: [ops.metrics.innerTransformer],
    outer: [ops.metrics.outerTransformer, ops.status.transformer],
  },
  instrumentGateway: (gateway) => ops.metrics.instrumentGateway(gateway),
  middleware: [ops.metrics.middleware],
  deps: () => ({ telegramStatus: () => ops.status.snapshot() }),
});
services = composed.services;

const healthServer = await ops.startHealthServer().catch(failStart);
undo.push(() => healthServer?.close());

logger.info(
  { username: me.username, database: config.databasePath, channel: config.channelId },
  "bot starting",
);
newsroom = await startNewsroom({
  newsroom: composed,
  receive: async (bot) => {
    const updates = await receiveUpdates({
      bot,
      config,
      status: ops.status,
      logger,
      extraRoutes: ops.webhookExtraRoutes,
      runnerConcurrency: RUNNER_CONCURRENCY,
    });
    ops.updatesStarted(updates);
    return updates;
  },
  onFeedPolls: (results) => ops.metrics.recordFeedPolls(results),
  beforeDatabaseCloses: async () => {
    await healthServer?.close();
    lease.release();
  },
}).catch(failStart);

/** The newsroom stops in its one order (src/runtime/start-newsroom.ts), then the process exits. */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  // Before the newsroom started (the lease lost during start-up) only the start's own steps are undone.
  if (!newsroom) await failStart(new StartupFailure("the instance lease was lost during start-up"));
  const { clean } = await newsroom!.stop();
  logger.info("stopped");
  process.exit(clean ? 0 : 1);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
