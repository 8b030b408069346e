import { Api, type Middleware, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { installApiTransformers } from "../bot/api-transformers.js";
import type { BotContext } from "../bot/context.js";
import type { BotDeps } from "../bot/deps.js";
import { createBot } from "../bot/index.js";
import { createTelegramGateway } from "../bot/telegram-gateway.js";
import type { Config } from "../config.js";
import type { Db } from "../db/connection.js";
import { createEditorMenusRepository } from "../db/editor-menus-repository.js";
import { createKeyValueStorage } from "../db/key-value-storage.js";
import { createUserLanguagesRepository } from "../db/user-languages-repository.js";
import { createSendScheduler } from "../delivery/send-scheduler.js";
import type { Logger } from "../logger.js";
import type { ChannelGateway } from "../publishing/channel-gateway.js";
import { createServices } from "../services.js";

/** A channel post whose answer is not back by then is held as "outcome unknown" (editors asked). */
export const CHANNEL_TIMEOUT_SECONDS = 10;

export interface ComposeBotOptions {
  readonly config: Config;
  readonly db: Db;
  readonly logger: Logger;
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /**
   * Watchers of every call to Telegram, the channel's and the bot's alike: `inner` see each
   * attempt, `outer` each call once its retries are over (metrics, reachability).
   */
  readonly apiObservers?: { readonly inner: Transformer[]; readonly outer: Transformer[] };
  /** Wraps the channel's gateway (metrics). */
  readonly instrumentGateway?: (gateway: ChannelGateway) => ChannelGateway;
  /** Feed URLs allowed on this machine (the sandbox's sample feed). */
  readonly trustedFeedUrls?: readonly string[];
  /** Middleware run before every feature (in-flight tracking, metrics). */
  readonly middleware?: readonly Middleware<BotContext>[];
  readonly deps?: Pick<BotDeps, "background" | "telegramStatus">;
}

/**
 * The newsroom as `npm start` and the sandbox both run it: one send scheduler for everything
 * the bot sends, the channel's own Api (short timeout) on it, the domain services over the
 * archive, and the bot with every feature. Starting and stopping stay with the caller.
 */
export function composeBot(options: ComposeBotOptions) {
  const { config, db, logger, apiObservers } = options;
  const scheduler = createSendScheduler();
  const channelApi = new Api(options.token, {
    apiRoot: config.telegramApiRoot,
    timeoutSeconds: CHANNEL_TIMEOUT_SECONDS,
  });
  for (const observer of apiObservers?.inner ?? []) channelApi.config.use(observer);
  installApiTransformers(channelApi, {
    scheduler,
    routing: { channel: config.channelId, editors: config.adminIds },
  });
  for (const observer of apiObservers?.outer ?? []) channelApi.config.use(observer);
  const gateway = createTelegramGateway(channelApi);
  const services = createServices(config, db, logger, {
    gateway: options.instrumentGateway?.(gateway) ?? gateway,
    botUsername: options.botInfo.username,
    ...(options.trustedFeedUrls ? { trustedFeedUrls: options.trustedFeedUrls } : {}),
  });
  const { articles, publishing, feeds, search } = services;
  const editorMenus = createEditorMenusRepository(db);
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
      languages: createUserLanguagesRepository(db),
      editorMenus,
      ...options.deps,
    },
    {
      botInfo: options.botInfo,
      scheduler,
      ...(options.middleware ? { middleware: options.middleware } : {}),
      ...(apiObservers ? { apiObservers } : {}),
    },
  );
  return { services, editorMenus, bot };
}
