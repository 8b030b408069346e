import { Composer, InputFile } from "grammy";
import { FeedError } from "../../../feeds/feed-errors.js";
import { writeOpml } from "../../../feeds/opml.js";
import type { BotContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { deskCommand } from "../desk-commands.js";
import { shortTitle } from "../formatters/desk-text.js";
import { feedAddedHtml, feedListHtml, feedReason } from "../formatters/feeds.js";
import { replyFeedCard } from "../replies/feed-card-replies.js";

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
const FEED_ID = /^#?(\d{1,12})$/;

/** /addfeed, /feeds (and /feeds export), /feed <ID> and /removefeed, for editors only. */
export function createAdminFeedsFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const feeds = desk.feeds;
  if (!feeds) return feature;
  const editor = feature.chatType("private").filter(isAdminOf(desk.adminIds));

  editor.command(deskCommand("addfeed"), async (ctx) => {
    const d = deskFor(ctx.locale);
    const wanted = parseAddFeed(ctx.match);
    if (!wanted) {
      await ctx.reply(d.addfeedUsage);
      return;
    }
    await ctx.replyWithChatAction("typing");
    try {
      const result = await feeds.addFeed(wanted.url, {
        storeOnly: wanted.storeOnly,
        latest: wanted.latest,
      });
      await ctx.reply(feedAddedHtml(d, result), { parse_mode: "HTML" });
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      await ctx.reply(d.feedNotAdded(feedReason(d, error)), { parse_mode: "HTML" });
    }
  });

  editor.command(deskCommand("feeds"), async (ctx) => {
    const d = deskFor(ctx.locale);
    const all = feeds.listFeeds();
    if (ctx.match.trim().toLowerCase() === "export") {
      if (all.length === 0) {
        await ctx.reply(d.opmlNoFeeds);
        return;
      }
      const opml = writeOpml(all, desk.now());
      await ctx.replyWithDocument(new InputFile(Buffer.from(opml, "utf8"), "newsroom-feeds.opml"), {
        caption: d.opmlExportCaption(all.length),
      });
      return;
    }
    await ctx.reply(feedListHtml(d, all, desk.timezone), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  });

  editor.command(deskCommand("feed"), async (ctx) => {
    const d = deskFor(ctx.locale);
    const id = FEED_ID.exec(ctx.match.trim())?.[1];
    if (id === undefined) {
      await ctx.reply(d.feedUsage);
      return;
    }
    const feed = feeds.findFeed(Number(id));
    if (!feed) {
      await ctx.reply(d.noSuchFeed(Number(id)));
      return;
    }
    await replyFeedCard(ctx, d, feed, desk.timezone);
  });

  editor.command(deskCommand("removefeed"), async (ctx) => {
    const d = deskFor(ctx.locale);
    const id = FEED_ID.exec(ctx.match.trim())?.[1];
    if (id === undefined) {
      await ctx.reply(d.removefeedUsage);
      return;
    }
    try {
      const feed = feeds.removeFeed(Number(id));
      await ctx.reply(d.feedRemovedHtml(feed.id, shortTitle(feed.url, 300)), {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      });
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      await ctx.reply(d.noSuchFeed(Number(id)));
    }
  });

  return feature;
}
