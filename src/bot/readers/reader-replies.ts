import { GrammyError, type InlineKeyboard } from "grammy";
import type { ArticleScope } from "../../articles/article.js";
import { type Piece, renderHtml } from "../../publishing/telegram-html.js";
import type { BotContext } from "../context.js";
import { messagesFor } from "../i18n/index.js";
import type { ReaderFormat } from "./formatters/reader-text.js";

/** The instance settings the readers' features show: everything of ReaderFormat but the bot. */
export type ReaderSettings = Omit<ReaderFormat, "botUsername" | "privateMark"> & {
  /** ADMIN_IDS: in their private chat editors also see what is not public yet. */
  readonly editorIds?: readonly number[];
};

/**
 * What this reader may see: public articles only, except an editor in a private chat with
 * the bot, who sees everything (the rest marked "not yet public").
 */
export function readerScope(settings: ReaderSettings, ctx: BotContext): ArticleScope {
  const editor = ctx.from !== undefined && (settings.editorIds ?? []).includes(ctx.from.id);
  return editor && ctx.chat?.type === "private" ? "all" : "public";
}

/** The settings plus this bot's username, known once grammY has the bot's identity. */
export function readerFormat(settings: ReaderSettings, ctx: BotContext): ReaderFormat {
  const { editorIds: _editors, ...shown } = settings;
  const mark =
    readerScope(settings, ctx) === "all"
      ? `🔒 ${messagesFor(ctx.locale).notYetPublic}:`
      : undefined;
  return { ...shown, botUsername: ctx.me?.username, ...(mark ? { privateMark: mark } : {}) };
}

/** Sends pieces as Telegram HTML, without link previews (a list would show only the first). */
export async function replyPieces(
  ctx: BotContext,
  pieces: readonly Piece[],
  keyboard?: InlineKeyboard,
): Promise<void> {
  await ctx.reply(renderHtml(pieces), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(keyboard ? { reply_markup: keyboard } : {}),
  });
}

/**
 * Replaces the text of the message a button sits under. Pressing a button whose page is
 * already shown is not an error for the reader: Telegram's "message is not modified" is
 * swallowed.
 */
export async function editPieces(
  ctx: BotContext,
  pieces: readonly Piece[],
  keyboard?: InlineKeyboard,
): Promise<void> {
  try {
    await ctx.editMessageText(renderHtml(pieces), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(keyboard ? { reply_markup: keyboard } : {}),
    });
  } catch (error) {
    if (error instanceof GrammyError && error.description.includes("message is not modified"))
      return;
    throw error;
  }
}
