/**
 * A publisher process for the crash test: opens the database file, applies the in-flight rule,
 * runs one publishing run against the Bot API root it is given, prints the outcomes, exits.
 * Usage: node --import tsx publisher-child.ts <db-path> <api-root> <posts-per-run>
 */
import { Api } from "grammy";
import { installApiTransformers } from "../../src/bot/telegram/api-transformers.js";
import { createTelegramGateway } from "../../src/bot/telegram/telegram-gateway.js";
import { createConfig } from "../../src/config.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import { openDatabase } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";
import { silentLogger } from "../../src/logger.js";
import { createPublishing } from "../../src/publishing/index.js";
import { TEST_TOKEN } from "../../src/sandbox/fake-bot-api.js";

const [dbPath, apiRoot, postsPerRun] = process.argv.slice(2);
const config = createConfig({
  BOT_TOKEN: TEST_TOKEN,
  CHANNEL_ID: "@newsroom_test",
  ADMIN_IDS: "111111",
  TELEGRAM_API_ROOT: apiRoot,
  POSTS_PER_RUN: postsPerRun,
});
const db = openDatabase(dbPath!);
migrate(db);
const api = new Api(config.botToken!, { apiRoot: config.telegramApiRoot });
installApiTransformers(api, { maxNetworkRetries: 0 });
const { publisher } = createPublishing({
  db,
  articles: createArticlesRepository(db),
  gateway: createTelegramGateway(api),
  config,
  logger: silentLogger(),
});
const recovered = await publisher.recoverInterrupted();
process.stdout.write(
  `${JSON.stringify({ event: "started", recovered: recovered.map((i) => i.id) })}\n`,
);
const outcomes = await publisher.publishDue(config.postsPerRun);
process.stdout.write(`${JSON.stringify({ event: "done", outcomes })}\n`);
db.close();
