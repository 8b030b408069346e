import { Composer } from "grammy";
import type { ArticleService } from "../../../articles/article-service.js";
import type { BotContext } from "../../context.js";
import { type Messages, messagesFor } from "../../i18n/index.js";
import { latestMessage } from "../formatters/article-list.js";
import { oneLine } from "../formatters/reader-text.js";
import { pagerKeyboard } from "../keyboards/pager.js";
import {
  latestPageData,
  MAX_LATEST_COUNT,
  MAX_LATEST_OFFSET,
  parseLatestPageData,
} from "../keyboards/reader-callbacks.js";
import {
  editPieces,
  type ReaderSettings,
  readerFormat,
  readerScope,
  replyPieces,
} from "../reader-replies.js";

export const DEFAULT_LATEST_COUNT = 5;

export interface LatestFeatureDeps {
  readonly articles: Pick<ArticleService, "newest">;
  readonly settings: ReaderSettings;
}

/** The count asked for after /latest: the default when absent, the default plus a hint when bad. */
export function parseLatestCount(raw: string, m: Messages): { count: number; hint?: string } {
  const given = raw.trim();
  if (given === "") return { count: DEFAULT_LATEST_COUNT };
  if (/^\d{1,6}$/.test(given)) {
    const n = Number(given);
    if (n >= 1 && n <= MAX_LATEST_COUNT) return { count: n };
    const used = n > MAX_LATEST_COUNT ? MAX_LATEST_COUNT : DEFAULT_LATEST_COUNT;
    return { count: used, hint: m.latestBadCount(given, used, MAX_LATEST_COUNT) };
  }
  const shown = oneLine(given, 20);
  return {
    count: DEFAULT_LATEST_COUNT,
    hint: m.latestBadCount(shown, DEFAULT_LATEST_COUNT, MAX_LATEST_COUNT),
  };
}

/**
 * /latest [n]: the newest n articles with linked headlines, times and leads. "More" pages
 * further back and "Newer" returns, both editing the same message.
 */
export function createLatestFeature({
  articles,
  settings,
}: LatestFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** One page, with one article more fetched to know whether "More" has anything behind it. */
  function page(ctx: BotContext, offset: number, count: number, hint?: string) {
    const m = messagesFor(ctx.locale);
    const found = articles.newest(count + 1, offset, readerScope(settings, ctx));
    const shown = found.slice(0, count);
    const pieces = latestMessage(
      { articles: shown, offset, ...(hint ? { hint } : {}) },
      readerFormat(settings, ctx),
      m,
    );
    const older = offset + count;
    const keyboard = pagerKeyboard(
      offset > 0
        ? { label: m.newerButton, data: latestPageData(Math.max(0, offset - count), count) }
        : undefined,
      found.length > count && older <= MAX_LATEST_OFFSET
        ? { label: m.olderButton, data: latestPageData(older, count) }
        : undefined,
    );
    return { empty: shown.length === 0, pieces, keyboard };
  }

  feature.command("latest", async (ctx) => {
    const m = messagesFor(ctx.locale);
    const { count, hint } = parseLatestCount(ctx.match, m);
    const shown = page(ctx, 0, count, hint);
    if (shown.empty) {
      await ctx.reply(m.archiveEmpty);
      return;
    }
    await replyPieces(ctx, shown.pieces, shown.keyboard);
  });

  feature.callbackQuery(/^l:/, async (ctx) => {
    const m = messagesFor(ctx.locale);
    const wanted = parseLatestPageData(ctx.callbackQuery.data);
    if (!wanted || !ctx.callbackQuery.message) {
      await ctx.answerCallbackQuery({ text: m.buttonInvalid });
      return;
    }
    const shown = page(ctx, wanted.offset, wanted.count);
    if (shown.empty) {
      await ctx.answerCallbackQuery({ text: m.nothingFurther });
      return;
    }
    await editPieces(ctx, shown.pieces, shown.keyboard);
    await ctx.answerCallbackQuery();
  });

  return feature;
}
