import type { Conversation } from "@grammyjs/conversations";
import { FeedNotFoundError } from "../../../feeds/feed-errors.js";
import { parseWordList } from "../../../feeds/feed-rules.js";
import type { BotContext, DialogContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import type { EditorDesk } from "../desk.js";
import { escapeHtml } from "../formatters/desk-text.js";
import { replyFeedCard } from "../replies/feed-card-replies.js";
import { nextInput } from "./dialog-input.js";

/** Entered from a feed card's "Include words…" / "Exclude words…" button. */
export const FEED_WORDS_CONVERSATION = "feed-words";

/** Asks for a feed's include or exclude words, stores them, and shows the card again. */
export function createFeedWordsConversation(desk: EditorDesk) {
  return async function feedWords(
    conversation: Conversation<BotContext, DialogContext>,
    ctx: DialogContext,
    feedId: number,
    kind: "include" | "exclude",
  ) {
    const feeds = desk.feeds;
    if (!feeds) return;
    const d = deskFor(ctx.locale);
    const feed = await conversation.external(() => feeds.findFeed(feedId));
    if (!feed) {
      await ctx.reply(d.noSuchFeed(feedId));
      return;
    }
    const current = kind === "include" ? feed.includeWords : feed.excludeWords;
    const none = kind === "include" ? d.anyWord : d.noWord;
    await ctx.reply(d.askWords(kind, feedId, current.length ? current.join(", ") : none));
    for (;;) {
      const answer = await nextInput(conversation, { ownCommand: "feed" });
      if (answer.kind !== "text") continue;
      const words = parseWordList(answer.text);
      if (!words) {
        await answer.ctx.reply(d.wordsTooMany);
        continue;
      }
      const patch = kind === "include" ? { includeWords: words } : { excludeWords: words };
      const saved = await conversation.external(() => {
        try {
          return feeds.setRules(feedId, patch);
        } catch (error) {
          if (error instanceof FeedNotFoundError) return undefined;
          throw error;
        }
      });
      if (!saved) {
        await answer.ctx.reply(d.noSuchFeed(feedId));
        return;
      }
      const note = d.wordsSaved(kind, words.length ? escapeHtml(words.join(", ")) : none);
      await replyFeedCard(answer.ctx, d, saved, desk.timezone, note);
      return;
    }
  };
}
