import { Composer, InlineKeyboard } from "grammy";
import type { ArticleService } from "../../articles/article-service.js";
import { formatPost } from "../../publishing/format-post.js";
import type { BotContext } from "../context.js";
import { welcomeMessage } from "../formatters/help-text.js";
import { messagesFor } from "../i18n/index.js";
import { makePublicData } from "../keyboards/admin-callback-data.js";
import {
  type ReaderSettings,
  readerFormat,
  readerScope,
  replyPieces,
} from "../replies/reader-replies.js";

export interface StartFeatureDeps {
  readonly articles: Pick<ArticleService, "findVisible">;
  readonly settings: ReaderSettings;
}

/** The payload of a channel post's deep link: `a` and the article id. */
const ARTICLE_PAYLOAD = /^a(\d{1,15})$/;

/**
 * /start: the welcome and the command list; `/start a<ID>` (a deep link from a post) shows
 * that article in the house style instead.
 */
export function createStartFeature({ articles, settings }: StartFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("start", async (ctx) => {
    const m = messagesFor(ctx.locale);
    const wanted = ARTICLE_PAYLOAD.exec(ctx.match.trim());
    if (!wanted) {
      await replyPieces(ctx, welcomeMessage(m, ctx.me?.username));
      return;
    }
    const id = Number(wanted[1]);
    // What is not public yet is "not found" to readers: an embargo shows no trace.
    const article = articles.findVisible(id, readerScope(settings, ctx));
    if (!article) {
      await ctx.reply(m.articleNotFound(id));
      return;
    }
    // Only editors get this far with a private article: they may release it by hand.
    if (article.visibility === "private") {
      await ctx.reply(`🔒 ${m.notYetPublic}`, {
        reply_markup: new InlineKeyboard().text("Make public now", makePublicData(article.id)),
      });
    }
    const format = readerFormat(settings, ctx);
    const post = formatPost(article, { ...format, moreLabel: m.readFullStory });
    if (post.kind === "photo" && post.photoUrl) {
      await ctx.replyWithPhoto(post.photoUrl, { caption: post.html, parse_mode: "HTML" });
    } else {
      await ctx.reply(post.html, {
        parse_mode: "HTML",
        ...(post.linkPreview ? { link_preview_options: post.linkPreview } : {}),
      });
    }
  });
  return feature;
}
