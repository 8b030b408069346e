import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../../src/bot/context.js";
import type { BotDeps } from "../../src/bot/deps.js";
import { type Config, createConfig } from "../../src/config.js";
import type { Db } from "../../src/db/connection.js";
import { TELEGRAM_LIMITS } from "../../src/delivery/send-budget.js";
import { silentLogger } from "../../src/logger.js";
import { composeBot } from "../../src/runtime/compose-bot.js";
import {
  type FakeBotApi,
  startFakeBotApi,
  TEST_BOT_INFO,
  TEST_TOKEN,
} from "../../src/sandbox/fake-bot-api.js";
import type { Services } from "../../src/services.js";
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
  /** The domain services the bot was composed over (queue, publisher, feeds in the worker). */
  readonly services: Services;
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
  /** Replaces composed dependencies (a clock, a failing search) for one test. */
  readonly deps?: (base: BotDeps, db: Db, config: Config) => Partial<BotDeps>;
}

/**
 * The newsroom composed as npm start composes it (composeBot: one send scheduler, the channel's
 * Api, the services with the worker feed reader, every feature) over a real migrated database,
 * talking through grammY's HTTP client to a fresh fake Bot API server on 127.0.0.1. Swapped:
 * the HTTP root, the database, the clock when a test gives one, and the pace of private chats.
 */
export async function startBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const fake = await startFakeBotApi();
  const db = options.db ?? createTestDb();
  const config = testConfig(fake.apiRoot, options.env);
  const composed = composeBot({
    config,
    db,
    logger: silentLogger(),
    botInfo: TEST_BOT_INFO,
    deps: (base) => options.deps?.(base, db, config) ?? {},
    // Telegram's limits, except that a private chat takes a test's quick steps without pacing
    // (the fake does not limit private chats either); the load benchmark uses the real ones.
    sendLimits: { ...TELEGRAM_LIMITS, privatePerWindow: 1000, privateWindowMs: 1000 },
  });
  const { bot, deps, services, background } = composed;
  return {
    fake,
    db,
    config,
    deps,
    services,
    bot,
    send: (update) => bot.handleUpdate(update),
    settle: () => background.idle(),
    close: async () => {
      await background.idle();
      await services.publishing?.publisher.shutdown();
      await services.feedReader.close();
      await fake.close();
    },
  };
}
