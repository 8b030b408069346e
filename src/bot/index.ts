import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { type Api, Bot, type Middleware, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.js";
import { createSendScheduler, type SendScheduler } from "../delivery/send-scheduler.js";
import { createEditorMenuSync } from "./commands-menu.js";
import type { BotContext, DialogContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import { createEditorDesk } from "./desk/desk.js";
import { createEditorDialogs } from "./desk/dialogs/editor-dialogs.js";
import { createAdminAddFeature } from "./desk/features/add.js";
import { createAdminClearQueueFeature } from "./desk/features/clear-queue.js";
import { createAdminFeedCardFeature } from "./desk/features/feed-card.js";
import { createAdminFeedsFeature } from "./desk/features/feeds.js";
import { createDeskOffNotice, createEditorGate } from "./desk/features/gate.js";
import { createAdminNewFeature } from "./desk/features/new.js";
import { createAdminOpmlFeature } from "./desk/features/opml.js";
import { createAdminOutcomeFeature } from "./desk/features/outcome.js";
import { createAdminPasteFeature } from "./desk/features/paste.js";
import { createAdminPublishingFeature } from "./desk/features/publishing.js";
import { createAdminQueueFeature } from "./desk/features/queue.js";
import { createAdminStatsFeature } from "./desk/features/stats.js";
import { createAdminVisibilityFeature } from "./desk/features/visibility.js";
import { createErrorHandler } from "./error-boundary.js";
import { createLocaleMiddleware } from "./locale.js";
import { createHelpFeature } from "./readers/features/help.js";
import { createInlineSearchFeature } from "./readers/features/inline-search.js";
import { createLatestFeature } from "./readers/features/latest.js";
import { createSearchFeature } from "./readers/features/search.js";
import { createStartFeature } from "./readers/features/start.js";
import { createSummaryFeature } from "./readers/features/summary.js";
import { createReaderRateLimit, DEFAULT_RATE_LIMIT } from "./readers/rate-limit.js";
import type { ReaderSettings } from "./readers/reader-replies.js";
import { createLanguageFeature } from "./shared/language.js";
import { createUnhandledFeature } from "./shared/unhandled.js";
import { type ApiTransformerOptions, installApiTransformers } from "./telegram/api-transformers.js";
import { takeTurns } from "./telegram/take-turns.js";

/** The update types the bot handles: asked for in getUpdates and in setWebhook. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

export interface CreateBotOptions {
  /** Skips the getMe call at start (tests, and restarts that already know the bot). */
  readonly botInfo?: UserFromGetMe;
  /** The process's one send scheduler (shared with the channel's Api); a fresh one otherwise. */
  readonly scheduler?: SendScheduler;
  /** Retry settings of the scheduled calls (tests shorten the pauses). */
  readonly retries?: Omit<ApiTransformerOptions, "scheduler" | "routing">;
  /** Runs first for every update, before ordering and features (metrics). */
  readonly middleware?: readonly Middleware<BotContext>[];
  /**
   * Observers of every Bot API call: `inner` ones see each attempt (installed before the
   * retries), `outer` ones each call's final outcome (after them).
   */
  readonly apiObservers?: { readonly inner?: Transformer[]; readonly outer?: Transformer[] };
}

/**
 * Builds the bot: API transformers, per-chat ordering, locale, dialog storage, then every
 * feature in its fixed order inside one error boundary (editors' gate and desk, the readers'
 * rate limit, the readers' commands), and the "unhandled" fallback last.
 */
export function createBot(
  config: Config,
  deps: BotDeps,
  options: CreateBotOptions = {},
): Bot<BotContext> {
  if (!config.botToken) throw new Error("createBot needs BOT_TOKEN");
  const bot = new Bot<BotContext>(config.botToken, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { apiRoot: config.telegramApiRoot, timeoutSeconds: 60 },
  });
  const sending: ApiTransformerOptions = {
    ...options.retries,
    scheduler: options.scheduler ?? createSendScheduler(),
    routing: { channel: config.channelId, editors: config.adminIds },
  };
  const instrument = (api: Api) => {
    for (const t of options.apiObservers?.inner ?? []) api.config.use(t);
    installApiTransformers(api, sending);
    for (const t of options.apiObservers?.outer ?? []) api.config.use(t);
  };
  instrument(bot.api);

  for (const m of options.middleware ?? []) bot.use(m);
  bot.use(takeTurns());
  // Updates of one chat run one at a time, so a dialog never sees two messages at once.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  const localeMiddleware = createLocaleMiddleware(deps.languages);
  bot.use(localeMiddleware);
  bot.use(
    conversations<BotContext, DialogContext>({
      storage: { type: "key", version: 1, adapter: deps.conversationStorage },
      // Inside a dialog ctx.api is a fresh Api (it must wait in the same line as bot.api), and
      // the context is new too: it gets the user's language the same way.
      plugins: [
        async (ctx, next) => {
          instrument(ctx.api);
          await next();
        },
        localeMiddleware,
      ],
    }),
  );
  // Editors get their command menu when they first write (or /start), in their language;
  // someone removed from ADMIN_IDS loses it.
  const menuSync = deps.editorMenus
    ? createEditorMenuSync({
        adminIds: config.adminIds,
        menus: deps.editorMenus,
        logger: deps.logger,
      })
    : undefined;
  if (menuSync) bot.use(menuSync);

  const { articles, search, now } = deps;
  const settings: ReaderSettings = {
    timezone: config.timezone,
    channelUrl: config.channelUrl,
    footer: config.postFooter,
    editorIds: config.adminIds,
  };
  // Without a queue there is no editors' desk: the gate still refuses outsiders, editors hear why.
  const desk = createEditorDesk(config, deps, bot.api);
  const editorFeatures = desk
    ? [
        createEditorDialogs(desk),
        createAdminAddFeature(desk),
        createAdminNewFeature(desk),
        createAdminQueueFeature(desk),
        createAdminClearQueueFeature(desk),
        createAdminVisibilityFeature(desk),
        createAdminPublishingFeature(desk),
        createAdminOutcomeFeature(desk),
        createAdminFeedsFeature(desk),
        createAdminFeedCardFeature(desk),
        createAdminOpmlFeature(desk),
        createAdminStatsFeature(desk),
        // After the commands: only plain text left over is offered as an article to queue.
        createAdminPasteFeature(desk),
      ]
    : [createDeskOffNotice(config.adminIds)];

  const handleError = createErrorHandler(deps.logger);
  bot.errorBoundary(
    handleError,
    // Editors first: the gate stops outsiders' editor commands and buttons before anything runs.
    createEditorGate(config.adminIds),
    ...(deps.languages
      ? [
          createLanguageFeature(deps.languages, async (ctx) => {
            await menuSync?.(ctx, async () => undefined);
          }),
        ]
      : []),
    ...editorFeatures,
    // Editors' work is never rate-limited; readers' expensive requests are, from here on.
    createReaderRateLimit(deps.rateLimit ?? DEFAULT_RATE_LIMIT, now),
    createStartFeature({ articles, settings, adminIds: config.adminIds }),
    createHelpFeature(config.adminIds),
    createLatestFeature({ articles, settings }),
    ...(search ? [createSearchFeature({ search, settings })] : []),
    createSummaryFeature({ articles, settings, ...(now ? { now } : {}) }),
    createInlineSearchFeature({ articles, search, settings }),
    createUnhandledFeature(),
  );
  bot.catch(handleError);
  return bot;
}
