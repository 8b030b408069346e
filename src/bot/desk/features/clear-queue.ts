import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { type DeskMessages, deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { deskCommand } from "../desk-commands.js";
import { shortTitle } from "../formatters/desk-text.js";
import { parseFeedClearData } from "../keyboards/callback-data.js";
import { clearFeedKeyboard } from "../keyboards/confirm.js";

/** The feed as editors know it: "#3 (Title)". */
function feedLabel(desk: EditorDesk, feedId: number): string {
  const feed = desk.feeds?.findFeed(feedId);
  const name = feed ? shortTitle(feed.title?.trim() || feed.url, 80) : "";
  return name ? `#${feedId} (${name})` : `#${feedId}`;
}

/** The question before clearing, or why there is nothing to clear. */
function askText(d: DeskMessages, desk: EditorDesk, feedId: number, count: number): string {
  const label = feedLabel(desk, feedId);
  if (count === 0) return d.feedNothingQueued(label);
  return d.clearQuestionHtml(count, label);
}

/**
 * "Remove all from this feed" (a /queue button) and /clearqueue <feed ID>: both ask first,
 * then take every queued item of that feed out of the queue at once. For editors only.
 */
export function createAdminClearQueueFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const editor = feature.filter(isAdminOf(desk.adminIds));

  async function ask(ctx: BotContext, feedId: number): Promise<void> {
    const d = deskFor(ctx.locale);
    const count = desk.queue.countFromFeed(feedId);
    await ctx.reply(askText(d, desk, feedId, count), {
      parse_mode: "HTML",
      ...(count > 0 ? { reply_markup: clearFeedKeyboard(d, feedId, count) } : {}),
    });
  }

  editor.chatType("private").command(deskCommand("clearqueue"), async (ctx) => {
    const id = /^#?(\d{1,12})$/.exec(ctx.match.trim())?.[1];
    if (id === undefined) {
      await ctx.reply(deskFor(ctx.locale).clearqueueUsage);
      return;
    }
    await ask(ctx, Number(id));
  });

  editor.callbackQuery(/^e:f[ayn]:/, async (ctx) => {
    const d = deskFor(ctx.locale);
    const button = parseFeedClearData(ctx.callbackQuery.data);
    if (!button) {
      await ctx.answerCallbackQuery({ text: d.buttonInvalid });
      return;
    }
    const { action, feedId } = button;
    if (action === "fa") {
      await ctx.answerCallbackQuery();
      await ask(ctx, feedId);
      return;
    }
    if (action === "fn") {
      await ctx.answerCallbackQuery({ text: d.nothingRemoved });
      await ctx.editMessageText(d.keptFeedItems(feedLabel(desk, feedId)), { parse_mode: "HTML" });
      return;
    }
    const removed = desk.queue.removeFromFeed(feedId);
    await ctx.answerCallbackQuery({ text: d.removedCount(removed) });
    await ctx.editMessageText(d.removedFromFeedHtml(removed, feedLabel(desk, feedId)), {
      parse_mode: "HTML",
    });
  });

  return feature;
}
