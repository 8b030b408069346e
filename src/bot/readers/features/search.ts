import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import type { ReaderSearch } from "../../deps.js";
import { messagesFor } from "../../i18n/index.js";
import { oneLine } from "../formatters/reader-text.js";
import { nothingFoundMessage, searchPageMessage } from "../formatters/search-results.js";
import { pagerKeyboard } from "../keyboards/pager.js";
import {
  fitsInline,
  MAX_SEARCH_PAGE,
  parseSearchPageData,
  type QueryToken,
  searchPageData,
} from "../keyboards/reader-callbacks.js";
import {
  editPieces,
  type ReaderSettings,
  readerFormat,
  readerScope,
  replyPieces,
} from "../reader-replies.js";
import { cleanQuery, createQueryStore, type QueryStore } from "../search-queries.js";

export const SEARCH_PAGE_SIZE = 5;
/** How much of the query the result title repeats. */
const SHOWN_QUERY_CHARS = 60;

export interface SearchFeatureDeps {
  readonly search: ReaderSearch;
  readonly settings: ReaderSettings;
  readonly queries?: QueryStore;
}

/**
 * /search <words>: ranked results, five a page, with Previous/Next buttons that edit the
 * message. Any text at all gets an answer: usage for an empty query, a nudge when nothing
 * matches, results otherwise, every piece escaped.
 */
export function createSearchFeature({
  search,
  settings,
  queries = createQueryStore(),
}: SearchFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  function tokenFor(query: string): QueryToken {
    return fitsInline(MAX_SEARCH_PAGE, query) ? { query } : { ref: queries.keep(query) };
  }

  function render(ctx: BotContext, query: string, page: number) {
    const m = messagesFor(ctx.locale);
    const shownQuery = oneLine(query, SHOWN_QUERY_CHARS);
    const result = search.search(query, {
      limit: SEARCH_PAGE_SIZE,
      offset: (page - 1) * SEARCH_PAGE_SIZE,
      scope: readerScope(settings, ctx),
    });
    if (result.hits.length === 0) {
      return { hitCount: 0, pieces: nothingFoundMessage(shownQuery, m) };
    }
    const hasMore = result.hasMore && page < MAX_SEARCH_PAGE;
    const token = tokenFor(query);
    const keyboard = pagerKeyboard(
      page > 1 ? { label: m.previousButton, data: searchPageData(page - 1, token) } : undefined,
      hasMore ? { label: m.nextButton, data: searchPageData(page + 1, token) } : undefined,
    );
    const pieces = searchPageMessage(
      { query: shownQuery, hits: result.hits, page, hasMore, pageSize: SEARCH_PAGE_SIZE },
      readerFormat(settings, ctx),
      m,
    );
    return { hitCount: result.hits.length, pieces, keyboard };
  }

  feature.command("search", async (ctx) => {
    const query = cleanQuery(ctx.match);
    if (query === "") {
      await ctx.reply(messagesFor(ctx.locale).searchUsage);
      return;
    }
    const shown = render(ctx, query, 1);
    await replyPieces(ctx, shown.pieces, shown.keyboard);
  });

  feature.callbackQuery(/^s:/, async (ctx) => {
    const m = messagesFor(ctx.locale);
    const wanted = parseSearchPageData(ctx.callbackQuery.data);
    if (!wanted || !ctx.callbackQuery.message) {
      await ctx.answerCallbackQuery({ text: m.buttonInvalid });
      return;
    }
    const stored = "query" in wanted.token ? wanted.token.query : queries.find(wanted.token.ref);
    const query = stored === undefined ? "" : cleanQuery(stored);
    if (query === "") {
      await ctx.answerCallbackQuery({ text: m.searchExpired });
      return;
    }
    const shown = render(ctx, query, wanted.page);
    if (shown.hitCount === 0 && wanted.page > 1) {
      // The archive changed under the button: the page it points to is gone.
      await ctx.answerCallbackQuery({ text: m.nothingFurther });
      return;
    }
    await editPieces(ctx, shown.pieces, shown.keyboard);
    await ctx.answerCallbackQuery();
  });

  return feature;
}
