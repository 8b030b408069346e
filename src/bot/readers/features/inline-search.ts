import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { Article } from "../../../articles/article.js";
import type { ArticleService } from "../../../articles/article-service.js";
import { displayUrl } from "../../../articles/display-url.js";
import { isWebUrl, renderHtml } from "../../../publishing/telegram-html.js";
import type { BotContext } from "../../context.js";
import type { ReaderSearch } from "../../deps.js";
import { type Messages, messagesFor } from "../../i18n/index.js";
import { leadLine } from "../formatters/article-list.js";
import { oneLine, type ReaderFormat } from "../formatters/reader-text.js";
import { shortPost } from "../formatters/short-post.js";
import { type ReaderSettings, readerFormat } from "../reader-replies.js";
import { cleanQuery } from "../search-queries.js";

/** Results per answer, and how far a reader may scroll (Telegram asks again with next_offset). */
export const INLINE_PAGE_SIZE = 20;
const INLINE_MAX_OFFSET = 200;
/** Seconds Telegram may reuse an answer: short, so new articles show up soon. */
export const INLINE_CACHE_SECONDS = 10;

export interface InlineSearchFeatureDeps {
  readonly articles: Pick<ArticleService, "findVisible" | "newest">;
  /** Without a search service, only the empty query (the latest articles) has results. */
  readonly search: ReaderSearch | undefined;
  readonly settings: ReaderSettings;
}

function resultFor(article: Article, format: ReaderFormat, m: Messages): InlineQueryResultArticle {
  const lead = leadLine(article, 200);
  const link = isWebUrl(article.url) ? displayUrl(article.url) : undefined;
  return {
    type: "article",
    id: `a${article.id}`,
    title: oneLine(article.title, 200) || "…",
    description: lead,
    ...(link ? { url: link } : {}),
    ...(isWebUrl(article.imageUrl) ? { thumbnail_url: article.imageUrl } : {}),
    input_message_content: {
      message_text: renderHtml(shortPost(article, lead, format, m)),
      parse_mode: "HTML",
      link_preview_options: link ? { url: link, prefer_small_media: true } : { is_disabled: true },
    },
  };
}

/**
 * Inline mode: `@bot words` answers with matching articles (the latest when the query is
 * empty), each shared as a short house-style post with a link.
 */
export function createInlineSearchFeature({
  articles,
  search,
  settings,
}: InlineSearchFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** The articles of one answer, and whether Telegram may ask for more. */
  function articlesFor(query: string, offset: number): { found: Article[]; more: boolean } {
    if (query === "") {
      // Inline answers are shared into any chat: public articles only, editors included.
      const found = articles.newest(INLINE_PAGE_SIZE, offset, "public");
      return { found, more: found.length === INLINE_PAGE_SIZE };
    }
    if (!search) return { found: [], more: false };
    const { hits, hasMore } = search.search(query, {
      limit: INLINE_PAGE_SIZE,
      offset,
      scope: "public",
    });
    const found = hits
      .map((hit) => articles.findVisible(hit.id, "public"))
      .filter((a): a is Article => !!a);
    return { found, more: hasMore };
  }

  feature.on("inline_query", async (ctx) => {
    const m = messagesFor(ctx.locale);
    const query = cleanQuery(ctx.inlineQuery.query);
    const given = /^\d{1,4}$/.exec(ctx.inlineQuery.offset)?.[0];
    const offset = given && Number(given) <= INLINE_MAX_OFFSET ? Number(given) : 0;
    const { found, more } = articlesFor(query, offset);
    const format = readerFormat(settings, ctx);
    const seen = new Set<number>();
    const results = found
      .filter((a) => !seen.has(a.id) && seen.add(a.id))
      .map((a) => resultFor(a, format, m));
    const next = offset + INLINE_PAGE_SIZE;
    await ctx.answerInlineQuery(results, {
      cache_time: INLINE_CACHE_SECONDS,
      is_personal: true,
      next_offset: more && next <= INLINE_MAX_OFFSET ? String(next) : "",
    });
  });

  return feature;
}
