import type { InlineKeyboard } from "grammy";
import type { PostPreview } from "../../../editorial/article-intake.js";
import type { DialogContext } from "../../context.js";
import type { EditorDesk } from "../desk.js";
import { withStatus } from "./intake-replies.js";

/**
 * Puts the final status over the preview message in place (status + the exact post + buttons:
 * one message, the post never shown twice). When the two did not fit one message, the preview
 * keeps its place, gets the new buttons, and the status follows it.
 */
export async function settlePreview(
  ctx: DialogContext,
  preview: PostPreview,
  shown: { combined: boolean; messageId: number },
  statusHtml: string,
  markup: InlineKeyboard | undefined,
): Promise<number> {
  const keyboard = markup ? { reply_markup: markup } : {};
  const html = shown.combined ? withStatus(statusHtml, preview) : undefined;
  if (html === undefined) {
    await ctx.editMessageReplyMarkup(keyboard);
    const sent = await ctx.reply(statusHtml, { parse_mode: "HTML" });
    return sent.message_id;
  }
  if (preview.kind === "photo" && preview.photoUrl) {
    await ctx.editMessageCaption({ caption: html, parse_mode: "HTML", ...keyboard });
  } else {
    await ctx.editMessageText(html, {
      parse_mode: "HTML",
      ...(preview.linkPreview ? { link_preview_options: preview.linkPreview } : {}),
      ...keyboard,
    });
  }
  return shown.messageId;
}

/**
 * After a background "Post now" from the dialog: the outcome replaces "Posting…" where it was
 * shown (over the post when they share a message, else the status message; the preview keeps or
 * loses its buttons). Uses the bot's own Api: the dialog has ended by then.
 */
export async function reportLater(
  desk: EditorDesk,
  chatId: number,
  preview: PostPreview,
  shown: { combined: boolean; messageId: number },
  statusAt: number,
  statusHtml: string,
  markup: InlineKeyboard | undefined,
): Promise<void> {
  const keyboard = markup ? { reply_markup: markup } : {};
  const html = shown.combined ? withStatus(statusHtml, preview) : undefined;
  if (html === undefined) {
    await desk.api.editMessageText(chatId, statusAt, statusHtml, { parse_mode: "HTML" });
    if (markup) await desk.api.editMessageReplyMarkup(chatId, shown.messageId, keyboard);
  } else if (preview.kind === "photo" && preview.photoUrl) {
    await desk.api.editMessageCaption(chatId, statusAt, {
      caption: html,
      parse_mode: "HTML",
      ...keyboard,
    });
  } else {
    await desk.api.editMessageText(chatId, statusAt, html, {
      parse_mode: "HTML",
      ...(preview.linkPreview ? { link_preview_options: preview.linkPreview } : {}),
      ...keyboard,
    });
  }
}
