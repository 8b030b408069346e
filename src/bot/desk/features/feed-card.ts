import { Composer, GrammyError } from "grammy";
import type { BotContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { FEED_WORDS_CONVERSATION } from "../dialogs/feed-words.js";
import { shortTitle } from "../formatters/desk-text.js";
import { parseFeedCardData } from "../keyboards/callback-data.js";
import { confirmRemoveKeyboard } from "../keyboards/feed-card.js";
import { editFeedCard } from "../replies/feed-card-replies.js";

const isNotModified = (error: unknown) =>
  error instanceof GrammyError && error.description.includes("message is not modified");

/** The buttons of a /feed card (`e:f:`): store-only, polling, words, remove — editors only. */
export function createAdminFeedCardFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const feeds = desk.feeds;
  if (!feeds) return feature;
  const editor = feature.filter(isAdminOf(desk.adminIds));

  editor.callbackQuery(/^e:f:/, async (ctx) => {
    const d = deskFor(ctx.locale);
    const button = parseFeedCardData(ctx.callbackQuery.data);
    if (!button) {
      await ctx.answerCallbackQuery({ text: d.buttonInvalid });
      return;
    }
    const feed = feeds.findFeed(button.feedId);
    if (!feed) {
      await ctx.answerCallbackQuery({ text: d.noSuchFeed(button.feedId) });
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return;
    }
    switch (button.action) {
      case "s": {
        const changed = feeds.setRules(feed.id, { storeOnly: !feed.storeOnly });
        await ctx.answerCallbackQuery({
          text: changed.storeOnly ? d.storeOnlyNowOn : d.storeOnlyNowOff,
        });
        await editFeedCard(ctx, d, changed, desk.timezone).catch(ignoreNotModified);
        return;
      }
      case "p": {
        const changed = feeds.setRules(feed.id, { paused: !feed.paused });
        await ctx.answerCallbackQuery({
          text: changed.paused ? d.pollingNowPaused : d.pollingNowOn,
        });
        await editFeedCard(ctx, d, changed, desk.timezone).catch(ignoreNotModified);
        return;
      }
      case "i":
      case "x":
        await ctx.answerCallbackQuery();
        await ctx.conversation.enter(
          FEED_WORDS_CONVERSATION,
          feed.id,
          button.action === "i" ? "include" : "exclude",
        );
        return;
      case "r":
        await ctx.answerCallbackQuery();
        await ctx.editMessageText(d.confirmRemoveHtml(feed.id, shortTitle(feed.url, 300)), {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          reply_markup: confirmRemoveKeyboard(d, feed.id),
        });
        return;
      case "rc": {
        const removed = feeds.removeFeed(feed.id);
        await ctx.answerCallbackQuery();
        await ctx.editMessageText(d.feedRemovedHtml(removed.id, shortTitle(removed.url, 300)), {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        });
        return;
      }
      case "rk":
        await ctx.answerCallbackQuery();
        await editFeedCard(ctx, d, feed, desk.timezone).catch(ignoreNotModified);
        return;
    }
  });

  return feature;
}

function ignoreNotModified(error: unknown): void {
  if (!isNotModified(error)) throw error;
}
