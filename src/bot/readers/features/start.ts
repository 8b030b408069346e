import { Composer, InlineKeyboard } from "grammy";
import type { ArticleService } from "../../../articles/article-service.js";
import { formatPost } from "../../../publishing/format-post.js";
import type { BotContext } from "../../context.js";
import { makePublicData } from "../../desk/keyboards/callback-data.js";
import { deskFor, messagesFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import { welcomeMessage } from "../formatters/help-text.js";
import { type ReaderSettings, readerFormat, readerScope, replyPieces } from "../reader-replies.js";

export interface StartFeatureDeps {
  readonly articles: Pick<ArticleService, "findVisible">;
  readonly settings: ReaderSettings;
  /** Editors (ADMIN_IDS) get a line about the desk under the welcome. */
  readonly adminIds?: readonly number[];
}

/** The payload of a channel post's deep link: `a` and the article id. */
const ARTICLE_PAYLOAD = /^a(\d{1,15})$/;

/**
 * /start: the welcome and the command list; `/start a<ID>` (a deep link from a post) shows
 * that article in the house style instead.
 */
export function createStartFeature({
  articles,
  settings,
  adminIds = [],
}: StartFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const isEditor = isAdminOf(adminIds);
  feature.command("start", async (ctx) => {
    const m = messagesFor(ctx.locale);
    const wanted = ARTICLE_PAYLOAD.exec(ctx.match.trim());
    if (!wanted) {
      const welcome = welcomeMessage(m, ctx.me?.username);
      const editor = ctx.chat.type === "private" && isEditor(ctx);
      await replyPieces(
        ctx,
        editor ? [...welcome, { text: `\n\n${deskFor(ctx.locale).startHint}` }] : welcome,
      );
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
        reply_markup: new InlineKeyboard().text(
          deskFor(ctx.locale).makePublicButton,
          makePublicData(article.id),
        ),
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
