import type { Context } from "grammy";
import type { Feed } from "../../../feeds/feed.js";
import type { DeskMessages } from "../../i18n/index.js";
import { feedCardHtml } from "../formatters/feeds.js";
import { feedCardKeyboard } from "../keyboards/feed-card.js";

const options = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

/** Sends a feed's card with its buttons, after an optional line (HTML) on what just changed. */
export async function replyFeedCard(
  ctx: Context,
  d: DeskMessages,
  feed: Feed,
  timezone: string,
  noteHtml?: string,
): Promise<void> {
  const card = feedCardHtml(d, feed, timezone);
  await ctx.reply(noteHtml ? `${noteHtml}\n\n${card}` : card, {
    ...options,
    reply_markup: feedCardKeyboard(d, feed),
  });
}

/** Redraws the card the pressed button sits under. */
export async function editFeedCard(
  ctx: Context,
  d: DeskMessages,
  feed: Feed,
  timezone: string,
): Promise<void> {
  await ctx.editMessageText(feedCardHtml(d, feed, timezone), {
    ...options,
    reply_markup: feedCardKeyboard(d, feed),
  });
}
