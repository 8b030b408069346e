import type { Config } from "../config.js";
import { openDatabase } from "../db/connection.js";
import { migrate } from "../db/migrate.js";
import type { Logger } from "../logger.js";
import { composeBot } from "../runtime/compose-bot.js";
import { startPolling } from "../runtime/receive-updates.js";
import { startNewsroom } from "../runtime/start-newsroom.js";
import { startFakeBotApi, TEST_BOT_INFO, TEST_CHANNEL, TEST_TOKEN } from "./fake-bot-api.js";
import { SANDBOX_EDITOR_IDS, sandboxPeople } from "./people.js";
import { createSampleFeed } from "./sample-feed.js";
import { createSandboxApi } from "./sandbox-api.js";
import { createTranscript } from "./transcript.js";
import { createUpdateFactory } from "./user-updates.js";
import { startWebServer } from "./web-server.js";

/** The sandbox's own archive: never the live DATABASE_PATH. */
export const SANDBOX_DATABASE = "data/sandbox.db";

export interface SandboxOptions {
  /** The operator's settings; the sandbox keeps their schedules, footer, time zone and editors. */
  readonly config: Config;
  readonly logger: Logger;
  /** Port of the web view (0 = any free port, for tests); SANDBOX_PORT by default. */
  readonly port?: number;
  /** SANDBOX_DATABASE by default; tests pass a temporary file. */
  readonly databasePath?: string;
}

export interface RunningSandbox {
  /** Where the web view answers, e.g. http://127.0.0.1:8080 */
  readonly url: string;
  readonly config: Config;
  close(): Promise<void>;
}

/**
 * The settings the bot runs with inside the sandbox: the emulator's token, address and
 * channel, the sandbox's database, and its own editors when ADMIN_IDS is empty.
 */
export function sandboxConfig(config: Config, apiRoot: string, databasePath: string): Config {
  return Object.freeze({
    ...config,
    botToken: TEST_TOKEN,
    telegramApiRoot: apiRoot,
    channelId: `@${TEST_CHANNEL.username}`,
    channelUrl: config.channelUrl ?? `https://t.me/${TEST_CHANNEL.username}`,
    adminIds: config.adminIds.length > 0 ? config.adminIds : SANDBOX_EDITOR_IDS,
    databasePath,
  });
}

/**
 * Starts the whole newsroom on this machine: the Bot API emulator, the newsroom composed and
 * started as npm start does (src/runtime/start-newsroom.ts) pointed at it, and the web view on
 * 127.0.0.1. close() stops the newsroom in its one order, then the web view and the emulator.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const { logger } = options;
  const fake = await startFakeBotApi();
  const transcript = createTranscript(fake);
  // The emulator records every call for tests; a sandbox left running must not grow without end.
  fake.onCall(() => {
    if (fake.calls.length > 2000) fake.calls.splice(0, 1000);
  });
  const config = sandboxConfig(
    options.config,
    fake.apiRoot,
    options.databasePath ?? SANDBOX_DATABASE,
  );
  const db = openDatabase(config.databasePath);
  migrate(db);

  // The web server starts first: the sample feed's address needs its port.
  let api: ReturnType<typeof createSandboxApi> | undefined;
  const web = await startWebServer({
    port: options.port ?? config.sandboxPort,
    handle: async (req) => api?.handle(req),
    subscribe: (send) => transcript.subscribe(send),
  }).catch(async (error: unknown) => {
    db.close();
    await fake.close();
    throw error;
  });
  const sampleFeed = createSampleFeed(web.url);

  // Composed and started as in npm start, pointed at the emulator.
  const composed = composeBot({
    config,
    db,
    logger,
    botInfo: TEST_BOT_INFO,
    trustedFeedUrls: [sampleFeed.url],
  });
  const { services } = composed;
  const newsroom = await startNewsroom({
    newsroom: composed,
    receive: async (bot) => startPolling(bot),
  });

  api = createSandboxApi({
    fake,
    services,
    people: sandboxPeople(config.adminIds),
    transcript,
    updates: createUpdateFactory(),
    sampleFeed,
  });

  let closed: Promise<void> | undefined;
  return {
    url: web.url,
    config,
    close: () => {
      closed ??= (async () => {
        await newsroom.stop();
        await web.close();
        await fake.close();
      })();
      return closed;
    },
  };
}
