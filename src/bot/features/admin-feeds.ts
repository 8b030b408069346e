import { Composer } from "grammy";
import { FeedError } from "../../feeds/feed-errors.js";
import type { BotContext } from "../context.js";
import type { EditorDesk } from "../editor-desk/desk.js";
import { isAdminOf } from "../filters/is-admin.js";
import { feedAddedHtml, feedListHtml } from "../formatters/admin-feeds.js";
import { shortTitle, shownError } from "../formatters/admin-text.js";

const ADD_USAGE =
  "Usage: /addfeed https://example.com/rss [store-only] [latest N]\nWhat the feed lists now is archived; latest N also queues its newest N items.";
const STORE_ONLY = /^(?:store-only|storeonly|store_only)$/i;
const MAX_LATEST = 50;

/** `<url> [store-only] [latest N]` in any order after the URL; undefined when malformed. */
export function parseAddFeed(
  text: string,
): { url: string; storeOnly: boolean; latest: number } | undefined {
  const [url, ...rest] = text.trim().split(/\s+/).filter(Boolean);
  if (!url) return undefined;
  let storeOnly = false;
  let latest: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (STORE_ONLY.test(word) && !storeOnly) storeOnly = true;
    else if (
      /^latest$/i.test(word) &&
      latest === undefined &&
      /^\d{1,3}$/.test(rest[i + 1] ?? "")
    ) {
      latest = Number(rest[++i]);
      if (latest > MAX_LATEST) return undefined;
    } else return undefined;
  }
  // Store-only feeds queue nothing: "latest N" with it is a contradiction.
  if (storeOnly && latest) return undefined;
  return { url, storeOnly, latest: latest ?? 0 };
}

/** /addfeed, /feeds and /removefeed, for editors only. */
export function createAdminFeedsFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const feeds = desk.feeds;
  if (!feeds) return feature;
  const editor = feature.chatType("private").filter(isAdminOf(desk.adminIds));

  editor.command("addfeed", async (ctx) => {
    const wanted = parseAddFeed(ctx.match);
    if (!wanted) {
      await ctx.reply(ADD_USAGE);
      return;
    }
    await ctx.replyWithChatAction("typing");
    try {
      const result = await feeds.addFeed(wanted.url, {
        storeOnly: wanted.storeOnly,
        latest: wanted.latest,
      });
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
