import { run } from "@grammyjs/runner";
import { publishCommandMenus } from "./bot/commands-menu.js";
import { createBot } from "./bot/index.js";
import { openDatabase } from "./db/connection.js";
import { createKeyValueStorage } from "./db/key-value-storage.js";
import { migrate } from "./db/migrate.js";
import { createLogger } from "./logger.js";
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

const services = createServices(config, db, logger);
const bot = createBot(config, {
  logger,
  articles: services.articles,
  conversationStorage: createKeyValueStorage(db, "conversation"),
});

await bot.init();
logger.info({ username: bot.botInfo.username, database: config.databasePath }, "bot starting");
await publishCommandMenus(bot.api, config.adminIds, logger).catch((error: unknown) =>
  logger.warn({ err: String(error) }, "could not publish the command menus"),
);
const runner = run(bot, {
  runner: {
    fetch: { allowed_updates: ["message", "callback_query", "inline_query", "channel_post"] },
  },
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  if (runner.isRunning()) await runner.stop();
  db.close();
  logger.info("stopped");
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
