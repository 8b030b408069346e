import { type BotError, GrammyError, HttpError } from "grammy";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";

const SORRY: Record<BotContext["locale"], string> = {
  en: "Sorry, something went wrong on our side. Please try again in a minute.",
  ru: "Извините, у нас что-то пошло не так. Попробуйте ещё раз через минуту.",
};

/**
 * Logs a failed update (its id and the kind of failure, never the token) and, when the
 * update came from a person, tells them briefly instead of leaving them waiting.
 */
export function createErrorHandler(logger: Logger) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const { ctx, error } = err;
    const base = { updateId: ctx.update.update_id, chatId: ctx.chat?.id, userId: ctx.from?.id };
    if (error instanceof GrammyError) {
      logger.error(
        {
          ...base,
          method: error.method,
          errorCode: error.error_code,
          description: error.description,
        },
        "Telegram refused a call",
      );
    } else if (error instanceof HttpError) {
      logger.error({ ...base, cause: String(error.error) }, "network error talking to Telegram");
    } else {
      logger.error({ ...base, err: error }, "handler failed");
    }
    // A 429 or a network failure outlasted the scheduler's retries: one more message into the
    // same limits or the same network would not help anyone.
    const busy = error instanceof GrammyError && error.error_code === 429;
    if (busy || error instanceof HttpError) return;
    await apologise(ctx).catch(() => undefined);
  };
}

async function apologise(ctx: BotContext): Promise<void> {
  const text = SORRY[ctx.locale ?? "en"];
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text });
  } else if (ctx.inlineQuery) {
    await ctx.answerInlineQuery([], { cache_time: 0 });
  } else if (ctx.chat?.type === "private") {
    await ctx.reply(text);
  }
}
