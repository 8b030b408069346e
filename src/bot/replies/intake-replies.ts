import type { Context } from "grammy";
import type { IntakeResult, PostPreview } from "../../editorial/article-intake.js";
import { intakeStatusHtml, refusedHtml } from "../formatters/admin-intake.js";
import { previewKeyboard } from "../keyboards/admin-preview.js";

/** Sends a preview exactly as the channel will get it, optionally with buttons. */
export async function replyWithPreview(
  ctx: Context,
  preview: PostPreview,
  markup?: ReturnType<typeof previewKeyboard>,
): Promise<void> {
  const keyboard = markup ? { reply_markup: markup } : {};
  if (preview.kind === "photo" && preview.photoUrl) {
    await ctx.replyWithPhoto(preview.photoUrl, {
      caption: preview.html,
      parse_mode: "HTML",
      ...keyboard,
    });
    return;
  }
  await ctx.reply(preview.html, {
    parse_mode: "HTML",
    ...(preview.linkPreview ? { link_preview_options: preview.linkPreview } : {}),
    ...keyboard,
  });
}

/**
 * Answers an intake: the reason when refused; otherwise a status line and the preview, with
 * Post now · Remove · Move to top while the item waits in the queue.
 */
export async function replyWithIntake(
  ctx: Context,
  result: IntakeResult,
  options: { timezone: string; paused: boolean },
): Promise<void> {
  if (result.status === "refused") {
    await ctx.reply(refusedHtml(result.reason), { parse_mode: "HTML" });
    return;
  }
  await ctx.reply(intakeStatusHtml(result, options.timezone, options.paused), {
    parse_mode: "HTML",
  });
  if (result.enqueued === "already-posted") return;
  const waiting = result.item.state === "queued";
  await replyWithPreview(
    ctx,
    result.preview,
    waiting ? previewKeyboard(result.item.id) : undefined,
  );
}
