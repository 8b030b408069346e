import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { createArticleService } from "../../src/articles/article-service.js";
import type { BotContext } from "../../src/bot/context.js";
import type { BotDeps } from "../../src/bot/deps.js";
import { createBackgroundWork } from "../../src/bot/editor-desk/background-work.js";
import { createBot } from "../../src/bot/index.js";
import { type Config, createConfig } from "../../src/config.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import type { Db } from "../../src/db/connection.js";
import { createEditorMenusRepository } from "../../src/db/editor-menus-repository.js";
import { createKeyValueStorage } from "../../src/db/key-value-storage.js";
import { createUserLanguagesRepository } from "../../src/db/user-languages-repository.js";
import { TELEGRAM_LIMITS } from "../../src/delivery/send-budget.js";
import { createSendScheduler } from "../../src/delivery/send-scheduler.js";
import { silentLogger } from "../../src/logger.js";
import {
  type FakeBotApi,
  startFakeBotApi,
  TEST_BOT_INFO,
  TEST_TOKEN,
} from "../../src/sandbox/fake-bot-api.js";
import { createTestDb } from "./test-db.js";
import { EDITOR, TEST_CHANNEL } from "./updates.js";

/** Settings every bot test starts from; override per test. */
export function testConfig(apiRoot: string, env: Record<string, string> = {}): Config {
  return createConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    CHANNEL_ID: `@${TEST_CHANNEL.username}`,
    ADMIN_IDS: String(EDITOR.id),
    TIMEZONE: "Europe/Moscow",
    ...env,
  });
}

export interface BotHarness {
  readonly fake: FakeBotApi;
  readonly db: Db;
  readonly config: Config;
  readonly deps: BotDeps;
  readonly bot: Bot<BotContext>;
  /** Feeds one update through the bot; its API calls go over HTTP to the fake. */
  send(update: Update): Promise<void>;
  /** Waits for work editors started that goes on after their answer ("Post now" deliveries). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly env?: Record<string, string>;
  /** Reuse a database (e.g. to test a restart); a fresh in-memory one otherwise. */
  readonly db?: Db;
  /** Adds or replaces dependencies (search, queue, …) built over the harness database. */
  readonly deps?: (base: BotDeps, db: Db, config: Config) => Partial<BotDeps>;
}

/**
 * A real bot (createBot) over a real migrated database, talking through grammY's HTTP client
 * to a fresh fake Bot API server on 127.0.0.1.
 */
export async function startBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const fake = await startFakeBotApi();
  const db = options.db ?? createTestDb();
  const config = testConfig(fake.apiRoot, options.env);
  const base: BotDeps = {
    logger: silentLogger(),
    articles: createArticleService({ db, articles: createArticlesRepository(db) }),
    conversationStorage: createKeyValueStorage(db, "conversation"),
    languages: createUserLanguagesRepository(db),
    editorMenus: createEditorMenusRepository(db),
    background: createBackgroundWork(silentLogger()),
  };
  const deps = { ...base, ...options.deps?.(base, db, config) } as BotDeps;
  // Telegram's limits, except that a private chat takes a test's quick steps without pacing
  // (the fake does not limit private chats either); the load benchmark uses the real ones.
  const scheduler = createSendScheduler({
    limits: { ...TELEGRAM_LIMITS, privatePerWindow: 1000, privateWindowMs: 1000 },
  });
  const bot = createBot(config, deps, { botInfo: TEST_BOT_INFO, scheduler });
  return {
    fake,
    db,
    config,
    deps,
    bot,
    send: (update) => bot.handleUpdate(update),
    settle: () => deps.background?.idle() ?? Promise.resolve(),
    close: async () => {
      await deps.background?.idle();
      await fake.close();
    },
  };
}
