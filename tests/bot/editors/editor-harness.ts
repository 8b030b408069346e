import { Api } from "grammy";
import { installApiTransformers } from "../../../src/bot/api-transformers.js";
import type { BotDeps } from "../../../src/bot/deps.js";
import { createTelegramGateway } from "../../../src/bot/telegram-gateway.js";
import type { Db } from "../../../src/db/connection.js";
import { createKeyValueStorage } from "../../../src/db/key-value-storage.js";
import { createFeedService } from "../../../src/feeds/feed-service.js";
import { silentLogger } from "../../../src/logger.js";
import { createPublishing } from "../../../src/publishing/index.js";
import { TEST_BOT_INFO } from "../../../src/sandbox/fake-bot-api.js";
import { type BotHarness, startBotHarness } from "../../support/bot-harness.js";
import { TEST_CHANNEL } from "../../support/updates.js";

export const CHANNEL = `@${TEST_CHANNEL.username}`;

/**
 * The bot with the whole editors' desk wired as in production: the real queue service, the
 * publisher posting through grammY to the fake Bot API, the feed service and the paste store,
 * all over the harness database (pass `db` to simulate a restart).
 */
export async function startEditorHarness(
  options: {
    env?: Record<string, string>;
    db?: Db;
    /** The channel's Api retries 429s, 5xx and network failures, as in production. */
    retrying?: boolean;
    /** More dependencies (e.g. telegramStatus). */
    extra?: Partial<BotDeps>;
  } = {},
): Promise<BotHarness> {
  const harness = await startBotHarness({
    ...options,
    deps: (base, db, config) => {
      const channelApi = new Api(config.botToken!, { apiRoot: config.telegramApiRoot });
      if (options.retrying) installApiTransformers(channelApi);
      const { queue, publisher } = createPublishing({
        db,
        articles: base.articles,
        gateway: createTelegramGateway(channelApi),
        config,
        botUsername: TEST_BOT_INFO.username,
        logger: silentLogger(),
      });
      const feeds = createFeedService({
        db,
        articles: base.articles,
        enqueue: (articleId) => {
          queue.enqueue(articleId);
        },
        allowPrivate: config.allowPrivateFeeds,
        fetchOptions: { timeoutMs: 5000 },
      });
      return {
        queue,
        publisher,
        feeds,
        pendingPastes: createKeyValueStorage(db, "pending-paste"),
        ...options.extra,
      };
    },
  });
  harness.fake.setChat(CHANNEL, {
    type: "channel",
    id: TEST_CHANNEL.id,
    title: TEST_CHANNEL.title,
    username: TEST_CHANNEL.username,
  });
  return harness;
}

/** Rows of a table, for "nothing changed" checks. */
export function snapshot(db: Db): Record<string, unknown[]> {
  const tables = ["articles", "publish_queue", "feeds", "settings"];
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]),
  );
}

/** A seed-shaped article text. */
export function articleText(headline: string, paragraphs = 2): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `Paragraph ${i + 1} of the story about ${headline.toLowerCase()}, with enough words to be real text.`,
  );
  return [
    headline,
    "9:58 23.02.2023 •",
    "",
    ...body.flatMap((p) => [p, ""]),
    "read more in our Telegram-channel",
  ].join("\n");
}
