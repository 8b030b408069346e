import { Api, type Middleware, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext } from "../bot/context.js";
import type { BotDeps } from "../bot/deps.js";
import { createBackgroundWork } from "../bot/desk/background-work.js";
import { createBot } from "../bot/index.js";
import { installApiTransformers } from "../bot/telegram/api-transformers.js";
import { createTelegramGateway } from "../bot/telegram/telegram-gateway.js";
import type { Config } from "../config.js";
import type { Db } from "../db/connection.js";
import { createEditorMenusRepository } from "../db/editor-menus-repository.js";
import { createKeyValueStorage } from "../db/key-value-storage.js";
import { createUserLanguagesRepository } from "../db/user-languages-repository.js";
import type { SendLimits } from "../delivery/send-budget.js";
import { createSendScheduler } from "../delivery/send-scheduler.js";
import type { Logger } from "../logger.js";
import type { ChannelGateway } from "../publishing/channel-gateway.js";
import { createServices } from "../services.js";
import { createInFlightUpdates } from "./in-flight-updates.js";

/** A channel post whose answer is not back by then is held as "outcome unknown" (editors asked). */
export const CHANNEL_TIMEOUT_SECONDS = 10;

export interface ComposeBotOptions {
  /** The settings; BOT_TOKEN and TELEGRAM_API_ROOT say which Bot API the bot talks to. */
  readonly config: Config;
  readonly db: Db;
  readonly logger: Logger;
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
  /** Middleware run before every feature, after the in-flight count (metrics). */
  readonly middleware?: readonly Middleware<BotContext>[];
  /**
   * Dependencies given on top of the composed ones: Telegram's reachability (observability),
   * or a test's clock. Receives what was composed.
   */
  readonly deps?: (composed: BotDeps) => Partial<BotDeps>;
  /** Telegram's own limits unless given (the test suite relaxes private chats' pace). */
  readonly sendLimits?: SendLimits;
}

/**
 * The newsroom as `npm start`, the sandbox and the bot tests all build it: one send scheduler
 * for everything the bot sends, the channel's own Api (short timeout) on it, the domain
 * services over the archive (feeds read in the worker), the bot with every feature, and the
 * trackers a shutdown waits on (updates in flight, editors' background work). Starting and
 * stopping are src/runtime/start-newsroom.ts's.
 */
export function composeBot(options: ComposeBotOptions) {
  const { config, db, logger, apiObservers } = options;
  if (!config.botToken) throw new Error("composeBot needs BOT_TOKEN");
  const scheduler = createSendScheduler(options.sendLimits ? { limits: options.sendLimits } : {});
  const channelApi = new Api(config.botToken, {
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
  const background = createBackgroundWork(logger);
  const inFlight = createInFlightUpdates();
  const composed: BotDeps = {
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
    background,
  };
  const deps: BotDeps = { ...composed, ...options.deps?.(composed) };
  const bot = createBot(config, deps, {
    botInfo: options.botInfo,
    scheduler,
    middleware: [inFlight.middleware, ...(options.middleware ?? [])],
    ...(apiObservers ? { apiObservers } : {}),
  });
  return { services, editorMenus, bot, deps, background, inFlight, scheduler };
}

/** A newsroom composed and not yet started. */
export type ComposedNewsroom = ReturnType<typeof composeBot>;
