import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.js";
import { installApiTransformers } from "./api-transformers.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import { createErrorHandler } from "./error-boundary.js";
import { createEditorFeatures } from "./features/admin-features.js";
import { createReaderFeatures } from "./features/reader-features.js";
import { createUnhandledFeature } from "./features/unhandled.js";
import { detectLocale } from "./locale.js";
import { createReaderRateLimit, DEFAULT_RATE_LIMIT } from "./rate-limit.js";

export interface CreateBotOptions {
  /** Skips the getMe call at start (tests, and restarts that already know the bot). */
  readonly botInfo?: UserFromGetMe;
}

/**
 * Builds the bot: API transformers, per-chat ordering, locale, dialog storage, then the
 * features in a fixed order inside one error boundary, and the "unhandled" fallback last.
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
  installApiTransformers(bot.api);

  // Updates of one chat run one at a time, so a dialog never sees two messages at once.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(detectLocale);
  bot.use(
    conversations({
      storage: { type: "key", version: 1, adapter: deps.conversationStorage },
      // Inside a dialog ctx.api is a fresh Api: give it the same retries as bot.api.
      plugins: [
        async (ctx, next) => {
          installApiTransformers(ctx.api);
          await next();
        },
      ],
    }),
  );

  const handleError = createErrorHandler(deps.logger);
  bot.errorBoundary(
    handleError,
    createEditorFeatures(config, deps),
    createReaderRateLimit(deps.rateLimit ?? DEFAULT_RATE_LIMIT, deps.now),
    ...createReaderFeatures(config, deps),
    createUnhandledFeature(),
  );
  bot.catch(handleError);
  return bot;
}
