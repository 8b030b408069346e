import { Composer, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { PasteOrigin } from "../../../editorial/article-intake.js";
import type { BotContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { shortTitle } from "../formatters/desk-text.js";
import { PASTE_DATA, pasteDropData, pasteQueueData } from "../keyboards/callback-data.js";
import { keepPaste, takePaste } from "../paste-store.js";
import { replyWithIntake } from "../replies/intake-replies.js";

/** A pasted text at least this long (and on several lines) looks like an article. */
export const PASTE_MIN_LENGTH = 200;

/** Where a forwarded channel post came from: its channel as the source, its public link. */
function originOf(message: Message): PasteOrigin {
  const origin = message.forward_origin;
  if (origin?.type !== "channel") return {};
  const username = origin.chat.username;
  return {
    source: origin.chat.title,
    ...(username ? { url: `https://t.me/${username}/${origin.message_id}` } : {}),
  };
}

/**
 * An editor who forwards a message or pastes a long text without a command is asked whether to
 * queue it. The text waits server-side (bot_sessions); the button carries only a short key.
 */
export function createAdminPasteFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const store = desk.pendingPastes;
  if (!store) return feature;
  const editor = feature.filter(isAdminOf(desk.adminIds));

  editor.chatType("private").on(["message:text", "message:caption"], async (ctx, next) => {
    const text = ctx.msg.text ?? ctx.msg.caption ?? "";
    const forwarded = ctx.msg.forward_origin !== undefined;
    const looksPasted = text.length >= PASTE_MIN_LENGTH && text.includes("\n");
    if (text.startsWith("/") && !forwarded) return next();
    if (!forwarded && !looksPasted) return next();
    const key = keepPaste(store, {
      userId: ctx.from.id,
      text,
      ...originOf(ctx.msg),
      at: desk.now(),
    });
    const headline = text.trim().split("\n")[0] ?? "";
    const d = deskFor(ctx.locale);
    await ctx.reply(d.pasteQuestionHtml(shortTitle(headline), text.length), {
      parse_mode: "HTML",
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
      reply_markup: new InlineKeyboard()
        .text(d.queueItButton, pasteQueueData(key))
        .text(d.noButton, pasteDropData(key)),
    });
  });

  editor.callbackQuery(PASTE_DATA, async (ctx) => {
    const [, action, key] = PASTE_DATA.exec(ctx.callbackQuery.data)!;
    const paste = takePaste(store, key!, desk.now());
    const d = deskFor(ctx.locale);
    if (!paste) {
      await ctx.answerCallbackQuery({ text: d.pasteGone });
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return;
    }
    await ctx.answerCallbackQuery();
    if (action === "px") {
      await ctx.editMessageText(d.notQueuedShort);
      return;
    }
    await ctx.editMessageReplyMarkup();
    const result = desk.intake.fromText(paste.text, ctx.me.username, paste);
    await replyWithIntake(ctx, d, result, {
      timezone: desk.timezone,
      paused: desk.queue.isPaused(),
    });
  });

  return feature;
}
