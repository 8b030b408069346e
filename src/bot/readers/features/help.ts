import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { deskFor, messagesFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import { deskHelpPieces, helpMessage } from "../formatters/help-text.js";
import { replyPieces } from "../reader-replies.js";

/**
 * /help: what the bot does and its commands, an example each, in the user's language; an
 * editor also gets the desk's commands, after the readers' ones.
 */
export function createHelpFeature(adminIds: readonly number[] = []): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const isEditor = isAdminOf(adminIds);
  feature.command("help", (ctx) => {
    const pieces = helpMessage(messagesFor(ctx.locale), ctx.me?.username);
    const editor = ctx.chat.type === "private" && isEditor(ctx);
    return replyPieces(ctx, editor ? [...pieces, ...deskHelpPieces(deskFor(ctx.locale))] : pieces);
  });
  return feature;
}
