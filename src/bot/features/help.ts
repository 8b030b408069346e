import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { helpMessage } from "../formatters/help-text.js";
import { messagesFor } from "../i18n/index.js";
import { replyPieces } from "../replies/reader-replies.js";

/** /help: what the bot does and its commands, an example each, in the reader's language. */
export function createHelpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("help", (ctx) =>
    replyPieces(ctx, helpMessage(messagesFor(ctx.locale), ctx.me?.username)),
  );
  return feature;
}
