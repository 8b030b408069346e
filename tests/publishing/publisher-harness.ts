import { Api } from "grammy";
import { installApiTransformers } from "../../src/bot/telegram/api-transformers.js";
import { createTelegramGateway } from "../../src/bot/telegram/telegram-gateway.js";
import type { Db } from "../../src/db/connection.js";
import { createDeliveryRepository } from "../../src/db/delivery-repository.js";
import { silentLogger } from "../../src/logger.js";
import { createPacer, type Pacer } from "../../src/publishing/pacer.js";
import { createPublisher } from "../../src/publishing/publisher.js";
import {
  type FakeBotApi,
  type FakeBotApiOptions,
  startFakeBotApi,
  TEST_TOKEN,
} from "../../src/sandbox/fake-bot-api.js";
import { CHANNEL, setupPublishing } from "./publishing-setup.js";

export const EDITORS = [111_111, 222_222];
export const CHANNEL_URL = "https://t.me/newsroom_test";

export interface HarnessOptions {
  fake?: FakeBotApiOptions;
  db?: Db;
  pacer?: Pacer;
  now?: () => number;
  /** CHANNEL_ID; default @newsroom_test, which the fake knows. */
  channel?: string;
  /** Where each call goes (grammY's buildUrl), e.g. to a closed port while "the network is down". */
  buildUrl?: (root: string, token: string, method: string) => string;
}

/**
 * The publisher wired as in production (grammY Api with the retry transformers, the Telegram
 * gateway) against a fresh fake Bot API server with the channel set up.
 */
export async function startHarness(options: HarnessOptions = {}) {
  const fake: FakeBotApi = await startFakeBotApi(options.fake);
  const channel = options.channel ?? CHANNEL;
  // A short client timeout, as the channel's Api has in production (a stall costs seconds).
  const api = new Api(TEST_TOKEN, {
    apiRoot: fake.apiRoot,
    timeoutSeconds: 2,
    ...(options.buildUrl ? { buildUrl: options.buildUrl } : {}),
  });
  // Short backoffs keep tests quick.
  installApiTransformers(api, {
    maxRetryAttempts: 3,
    maxDelaySeconds: 5,
    maxNetworkRetries: 2,
    networkBackoffSeconds: 0.05,
    serverBackoffSeconds: 0.1,
    routing: { channel, editors: EDITORS },
  });
  const storage = setupPublishing({
    db: options.db,
    channel,
    ...(options.now ? { now: options.now } : {}),
  });
  const publisher = createPublisher({
    queue: storage.queueRepo,
    delivery: createDeliveryRepository(storage.db),
    articles: storage.articlesRepo,
    pauseState: storage.pauseState,
    gateway: createTelegramGateway(api),
    channel,
    adminIds: EDITORS,
    format: {
      channelUrl: CHANNEL_URL,
      footer: "read more in our Telegram-channel",
      timezone: "UTC",
      botUsername: "newsroom_test_bot",
    },
    pacer: options.pacer ?? createPacer(),
    logger: silentLogger(),
    ...(options.now ? { now: options.now } : {}),
  });
  const posts = () => fake.messages(channel).filter((m) => !m.deleted);
  const privateMessages = (userId: number) => fake.messages().filter((m) => m.chatId === userId);
  return {
    ...storage,
    fake,
    api,
    publisher,
    posts,
    privateMessages,
    async close() {
      await publisher.shutdown();
      await fake.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
