import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { EditorDesk } from "../editor-desk/desk.js";
import { isAdminOf } from "../filters/is-admin.js";
import { shortTitle } from "../formatters/admin-text.js";
import { parseFeedClearData } from "../keyboards/admin-callback-data.js";
import { clearFeedKeyboard } from "../keyboards/admin-confirm.js";

const USAGE = "Usage: /clearqueue 3 (the feed's ID from /feeds): removes that feed's queued items.";

/** The feed as editors know it: "#3 (Title)". */
function feedLabel(desk: EditorDesk, feedId: number): string {
  const feed = desk.feeds?.findFeed(feedId);
  const name = feed ? shortTitle(feed.title?.trim() || feed.url, 80) : "";
  return name ? `#${feedId} (${name})` : `#${feedId}`;
}

/** The question before clearing, or why there is nothing to clear. */
function askText(desk: EditorDesk, feedId: number, count: number): string {
  const label = feedLabel(desk, feedId);
  if (count === 0) return `Feed ${label} has nothing in the queue.`;
  return `🗑 Remove all ${count} queued item${count === 1 ? "" : "s"} of feed ${label}? The stories stay in the archive, not public.`;
}

/**
 * "Remove all from this feed" (a /queue button) and /clearqueue <feed ID>: both ask first,
 * then take every queued item of that feed out of the queue at once. For editors only.
 */
export function createAdminClearQueueFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const editor = feature.filter(isAdminOf(desk.adminIds));

  async function ask(ctx: BotContext, feedId: number): Promise<void> {
    const count = desk.queue.countFromFeed(feedId);
    await ctx.reply(askText(desk, feedId, count), {
      parse_mode: "HTML",
      ...(count > 0 ? { reply_markup: clearFeedKeyboard(feedId, count) } : {}),
    });
  }

  editor.chatType("private").command("clearqueue", async (ctx) => {
    const id = /^#?(\d{1,12})$/.exec(ctx.match.trim())?.[1];
    if (id === undefined) {
      await ctx.reply(USAGE);
      return;
    }
    await ask(ctx, Number(id));
  });

  editor.callbackQuery(/^e:f[ayn]:/, async (ctx) => {
    const button = parseFeedClearData(ctx.callbackQuery.data);
    if (!button) {
      await ctx.answerCallbackQuery({ text: "This button is not valid." });
      return;
    }
    const { action, feedId } = button;
    if (action === "fa") {
      await ctx.answerCallbackQuery();
      await ask(ctx, feedId);
      return;
    }
    if (action === "fn") {
      await ctx.answerCallbackQuery({ text: "Nothing removed." });
      await ctx.editMessageText(`Kept the queued items of feed ${feedLabel(desk, feedId)}.`, {
        parse_mode: "HTML",
      });
      return;
    }
    const removed = desk.queue.removeFromFeed(feedId);
    await ctx.answerCallbackQuery({ text: `Removed ${removed}.` });
    await ctx.editMessageText(
      `🗑 Removed ${removed} queued item${removed === 1 ? "" : "s"} of feed ${feedLabel(desk, feedId)}. Their stories stay in the archive, not public.`,
      { parse_mode: "HTML" },
    );
  });

  return feature;
}
