import { Composer } from "grammy";
import { FeedError } from "../../feeds/feed-errors.js";
import type { BotContext } from "../context.js";
import type { EditorDesk } from "../editor-desk/desk.js";
import { isAdminOf } from "../filters/is-admin.js";
import { feedAddedHtml, feedListHtml } from "../formatters/admin-feeds.js";
import { shortTitle, shownError } from "../formatters/admin-text.js";

const ADD_USAGE = "Usage: /addfeed https://example.com/rss [store-only]";
const STORE_ONLY = /^(?:store-only|storeonly|store_only)$/i;

/** /addfeed, /feeds and /removefeed, for editors only. */
export function createAdminFeedsFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const feeds = desk.feeds;
  if (!feeds) return feature;
  const editor = feature.chatType("private").filter(isAdminOf(desk.adminIds));

  editor.command("addfeed", async (ctx) => {
    const [url, flag, ...extra] = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (!url || extra.length > 0 || (flag !== undefined && !STORE_ONLY.test(flag))) {
      await ctx.reply(ADD_USAGE);
      return;
    }
    await ctx.replyWithChatAction("typing");
    try {
      const result = await feeds.addFeed(url, { storeOnly: flag !== undefined });
      await ctx.reply(feedAddedHtml(result), { parse_mode: "HTML" });
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      await ctx.reply(`❌ Feed not added: ${shownError(error.message, 300)}.`, {
        parse_mode: "HTML",
      });
    }
  });

  editor.command("feeds", (ctx) =>
    ctx.reply(feedListHtml(feeds.listFeeds(), desk.timezone), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    }),
  );

  editor.command("removefeed", async (ctx) => {
    const id = /^#?(\d{1,12})$/.exec(ctx.match.trim())?.[1];
    if (id === undefined) {
      await ctx.reply("Usage: /removefeed 3 (the feed's ID from /feeds)");
      return;
    }
    try {
      const feed = feeds.removeFeed(Number(id));
      await ctx.reply(
        `🗑 Feed #${feed.id} (${shortTitle(feed.url, 300)}) removed. Its articles stay in the archive.`,
        { parse_mode: "HTML", link_preview_options: { is_disabled: true } },
      );
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      await ctx.reply(`❌ ${shownError(error.message)}.`, { parse_mode: "HTML" });
    }
  });

  return feature;
}
