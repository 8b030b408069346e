import { run } from "@grammyjs/runner";
import { Api, GrammyError } from "grammy";
import { installApiTransformers } from "./bot/api-transformers.js";
import { publishCommandMenus } from "./bot/commands-menu.js";
import { createBot } from "./bot/index.js";
import { createTelegramGateway } from "./bot/telegram-gateway.js";
import { openDatabase } from "./db/connection.js";
import { createKeyValueStorage } from "./db/key-value-storage.js";
import { migrate } from "./db/migrate.js";
import { createSendScheduler } from "./delivery/send-scheduler.js";
import { createLogger } from "./logger.js";
import { startFeedJob } from "./scheduler/feed-job.js";
import { startPublishJob } from "./scheduler/publish-job.js";
import { createServices } from "./services.js";
import { EXIT_BAD_CONFIG, loadConfigOrExit, MISSING_TOKEN_HELP } from "./startup.js";

const config = loadConfigOrExit();
if (!config.botToken) {
  process.stderr.write(`${MISSING_TOKEN_HELP}\n`);
  process.exit(EXIT_BAD_CONFIG);
}

const logger = createLogger(config.logLevel, config.botToken);
const db = openDatabase(config.databasePath);
const applied = migrate(db);
if (applied.length) logger.info({ applied }, "database migrated");

/** A channel post whose answer is not back by then is held as "outcome unknown" (editors asked). */
const CHANNEL_TIMEOUT_SECONDS = 10;
/**
 * Updates handled at once: 30 s of replies at Telegram's 30 a second. Enough that an editor's
 * update behind a burst of readers is taken in (and served first) soon; bounded, so a flood
 * waits at Telegram instead of in our memory.
 */
const RUNNER_CONCURRENCY = 900;

// One line for everything the bot sends, shared by the channel's Api, bot.api and dialogs.
const scheduler = createSendScheduler();
const routing = { channel: config.channelId, editors: config.adminIds };
// The channel's own Api (short timeout, same scheduler) also tells us who the bot is.
const channelApi = new Api(config.botToken, {
  apiRoot: config.telegramApiRoot,
  timeoutSeconds: CHANNEL_TIMEOUT_SECONDS,
});
installApiTransformers(channelApi, { scheduler, routing });
const me = await channelApi.getMe().catch((error: unknown) => {
  if (error instanceof GrammyError && error.error_code === 401) {
    process.stderr.write(
      `Telegram refused BOT_TOKEN (401 Unauthorized): check the token from @BotFather.\n`,
    );
    process.exit(EXIT_BAD_CONFIG);
  }
  throw error;
});

const services = createServices(config, db, logger, {
  gateway: createTelegramGateway(channelApi),
  botUsername: me.username,
});
const { articles, publishing, feeds, search } = services;
if (!publishing)
  logger.warn("CHANNEL_ID is not set: publishing is off; feed items are archived, not queued");

const bot = createBot(
  config,
  {
    logger,
    articles,
    search,
    feeds,
    queue: publishing?.queue,
    publisher: publishing?.publisher,
    conversationStorage: createKeyValueStorage(db, "conversation"),
    pendingPastes: createKeyValueStorage(db, "paste"),
  },
  { botInfo: me, scheduler },
);

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
await publishCommandMenus(bot.api, config.adminIds, logger).catch((error: unknown) =>
  logger.warn({ err: String(error) }, "could not publish the command menus"),
);
const runner = run(bot, {
  runner: { fetch: { allowed_updates: ["message", "callback_query", "inline_query"] } },
  sink: { concurrency: RUNNER_CONCURRENCY },
});
const publishJob = publishing
  ? startPublishJob({
      schedule: config.postSchedule,
      timezone: config.timezone,
      publisher: publishing.publisher,
      postsPerRun: config.postsPerRun,
      logger,
    })
  : undefined;
const feedJob = startFeedJob({
  schedule: config.feedSchedule,
  timezone: config.timezone,
  feeds,
  logger,
});

let stopping = false;
/** Stop taking new work, let the post in flight finish, then close the database. */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  let clean = true;
  try {
    await Promise.allSettled([
      publishJob?.stop(),
      feedJob.stop(),
      runner.isRunning() ? runner.stop() : undefined,
    ]);
    await publishing?.publisher.shutdown();
    await services.feedReader.close();
  } catch (error) {
    clean = false;
    logger.error({ err: error }, "error while stopping");
  } finally {
    db.close();
  }
  logger.info("stopped");
  process.exit(clean ? 0 : 1);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
