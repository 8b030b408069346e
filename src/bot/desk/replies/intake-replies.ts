import type { Context, InlineKeyboard } from "grammy";
import type { IntakeResult, PostPreview } from "../../../editorial/article-intake.js";
import type { DeskMessages } from "../../i18n/index.js";
import { intakeStatusHtml, refusedHtml } from "../formatters/intake.js";
import { previewKeyboard } from "../keyboards/preview.js";

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

/**
 * A status line and the exact post in one message, when both fit Telegram's limit (the
 * status's HTML length stands in for its visible length: never shorter, so it always fits);
 * undefined when they must go as two.
 */
export function withStatus(statusHtml: string, preview: PostPreview): string | undefined {
  const limit = preview.kind === "photo" && preview.photoUrl ? CAPTION_LIMIT : TEXT_LIMIT;
  if (statusHtml.length + 2 + preview.visibleLength > limit) return undefined;
  return `${statusHtml}\n\n${preview.html}`;
}

/** Sends a preview (the post exactly as the channel gets it, after an optional status), with buttons. */
export async function replyWithPreview(
  ctx: Context,
  preview: PostPreview,
  options: { statusHtml?: string; markup?: InlineKeyboard } = {},
): Promise<{ combined: boolean; messageId: number }> {
  const { statusHtml, markup } = options;
  const combined = statusHtml === undefined ? preview.html : withStatus(statusHtml, preview);
  if (combined === undefined) await ctx.reply(statusHtml!, { parse_mode: "HTML" });
  const html = combined ?? preview.html;
  const keyboard = markup ? { reply_markup: markup } : {};
  const sent =
    preview.kind === "photo" && preview.photoUrl
      ? await ctx.replyWithPhoto(preview.photoUrl, {
          caption: html,
          parse_mode: "HTML",
          ...keyboard,
        })
      : await ctx.reply(html, {
          parse_mode: "HTML",
          ...(preview.linkPreview ? { link_preview_options: preview.linkPreview } : {}),
          ...keyboard,
        });
  return { combined: combined !== undefined, messageId: sent.message_id };
}

/**
 * Answers an intake in one message: the reason when refused; otherwise the status line and the
 * preview, with Post now · Remove · Move to top while the item waits in the queue. (Only a post
 * too long to share a message with its status gets the status on its own, first.)
 */
export async function replyWithIntake(
  ctx: Context,
  d: DeskMessages,
  result: IntakeResult,
  options: { timezone: string; paused: boolean },
): Promise<void> {
  if (result.status === "refused") {
    await ctx.reply(refusedHtml(d, result.problem), { parse_mode: "HTML" });
    return;
  }
  const statusHtml = intakeStatusHtml(d, result, options.timezone, options.paused);
  if (result.enqueued === "already-posted") {
    await ctx.reply(statusHtml, { parse_mode: "HTML" });
    return;
  }
  const waiting = result.item.state === "queued";
  await replyWithPreview(ctx, result.preview, {
    statusHtml,
    ...(waiting ? { markup: previewKeyboard(d, result.item.id) } : {}),
  });
}
