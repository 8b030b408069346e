import { Composer } from "grammy";
import type { ArticleService } from "../../../articles/article-service.js";
import { summarize } from "../../../summaries/index.js";
import type { BotContext } from "../../context.js";
import { messagesFor } from "../../i18n/index.js";
import { articleSummaryMessage, digestMessage } from "../formatters/summaries.js";
import { type ReaderSettings, readerFormat, readerScope, replyPieces } from "../reader-replies.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many stories the day's digest lists at most. */
export const DIGEST_SIZE = 10;
/** On a quiet day (nothing in the last 24 hours) the digest shows this many latest stories. */
export const QUIET_DIGEST_SIZE = 5;
/** Sentences and characters of a single article's summary. */
const SUMMARY_SENTENCES = 3;
const SUMMARY_MAX_CHARS = 1_200;

export interface SummaryFeatureDeps {
  readonly articles: Pick<ArticleService, "findVisible" | "newest" | "publishedSince">;
  readonly settings: ReaderSettings;
  readonly now?: () => number;
}

/** `42`, `#42` or `a42` (as in deep links) name article 42. */
const ARTICLE_ID = /^(?:#|a)?(\d{1,15})$/i;

/**
 * /summary [ID]: with an ID, an extractive summary of that article with its link; without,
 * the day's digest (the stories of the last 24 hours, newest first, one sentence each, or the
 * latest stories when the day was quiet).
 */
export function createSummaryFeature({
  articles,
  settings,
  now = Date.now,
}: SummaryFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("summary", async (ctx) => {
    const m = messagesFor(ctx.locale);
    const format = readerFormat(settings, ctx);
    const arg = ctx.match.trim();
    const scope = readerScope(settings, ctx);
    if (arg === "") {
      const today = articles.publishedSince(now() - DAY_MS, DIGEST_SIZE, scope);
      const quiet = today.length === 0;
      const shown = quiet ? articles.newest(QUIET_DIGEST_SIZE, 0, scope) : today;
      if (shown.length === 0) {
        await ctx.reply(m.archiveEmpty);
        return;
      }
      await replyPieces(ctx, digestMessage({ articles: shown, quiet }, format, m));
      return;
    }
    const wanted = ARTICLE_ID.exec(arg);
    if (!wanted) {
      await ctx.reply(m.summaryUsage);
      return;
    }
    const id = Number(wanted[1]);
    const article = articles.findVisible(id, scope);
    if (!article) {
      await ctx.reply(m.articleNotFound(id));
      return;
    }
    const sentences = summarize(article.body, {
      sentences: SUMMARY_SENTENCES,
      maxChars: SUMMARY_MAX_CHARS,
      title: article.title,
    });
    await replyPieces(ctx, articleSummaryMessage(article, sentences, format, m));
  });

  return feature;
}
