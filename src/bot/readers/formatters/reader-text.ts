import type { Article, Visibility } from "../../../articles/article.js";
import { displayUrl } from "../../../articles/display-url.js";
import { cutParagraph } from "../../../publishing/cut-text.js";
import { isWebUrl, type Piece } from "../../../publishing/telegram-html.js";

/** What the reader-side renderings need to know about this instance. */
export interface ReaderFormat {
  /** IANA zone for shown times (TIMEZONE). */
  readonly timezone: string;
  /** The channel link of the house-style footer (CHANNEL_URL). */
  readonly channelUrl: string | undefined;
  /** The footer text (POST_FOOTER). */
  readonly footer: string;
  /** The bot's username, for `/start a<ID>` links to articles that have no URL. */
  readonly botUsername: string | undefined;
  /**
   * Set for editors in their private chat, who also see what is not public yet: shown before
   * the headline of such an article.
   */
  readonly privateMark?: string | undefined;
}

/** Telegram's limit on a message text, in UTF-16 units of the visible text. */
export const MESSAGE_LIMIT = 4096;

/** Control characters (other than newline) could make Telegram refuse a message; drop them. */
export function withoutControls(text: string): string {
  return text.replace(/(?!\n)\p{Cc}/gu, "");
}

/**
 * Text made to sit on one line of at most `max` UTF-16 units: control characters dropped,
 * whitespace collapsed, and cut at a sentence or word end with "…" when too long (never
 * inside an emoji or a surrogate pair).
 */
export function oneLine(text: string, max: number): string {
  const flat = text
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  if (flat.length <= max) return flat;
  return `${cutParagraph(flat, max - 1)}…`;
}

/** Where a headline links: the article's own page (without tracking parameters), else its deep link into this bot. */
export function articleLink(
  article: Pick<Article, "id" | "url">,
  format: ReaderFormat,
): string | undefined {
  if (isWebUrl(article.url)) return displayUrl(article.url);
  return format.botUsername ? `https://t.me/${format.botUsername}?start=a${article.id}` : undefined;
}

/** The headline with the editors' "not yet public" mark when the article is private. */
export function markedTitle(
  title: string,
  visibility: Visibility | undefined,
  format: ReaderFormat,
): string {
  return visibility === "private" && format.privateMark ? `${format.privateMark} ${title}` : title;
}

/** A bold headline, linked when the article has somewhere to link to. */
export function headlinePiece(article: Article, format: ReaderFormat, max = 300): Piece {
  const href = articleLink(article, format);
  const text = markedTitle(oneLine(article.title, max) || "…", article.visibility, format);
  return href ? { text, style: "b", href } : { text, style: "b" };
}

/** Visible length of pieces as Telegram counts it: the text after entity parsing. */
export function visibleLengthOf(pieces: readonly Piece[]): number {
  return pieces.reduce((n, p) => n + p.text.length, 0);
}

/**
 * A message made of a head, a list of items and a tail, with as many whole items as fit
 * Telegram's limit (at least the head and tail). Returns the pieces and how many items made it.
 */
export function fitItems(
  head: readonly Piece[],
  items: readonly (readonly Piece[])[],
  tail: readonly Piece[],
  separator: Piece = { text: "\n\n" },
  limit = MESSAGE_LIMIT,
): { pieces: Piece[]; shown: number } {
  const pieces: Piece[] = [...head];
  let used = visibleLengthOf(head) + visibleLengthOf(tail);
  let shown = 0;
  for (const item of items) {
    const extra = (shown > 0 ? separator.text.length : 0) + visibleLengthOf(item);
    if (used + extra > limit) break;
    if (shown > 0) pieces.push(separator);
    pieces.push(...item);
    used += extra;
    shown++;
  }
  pieces.push(...tail);
  return { pieces, shown };
}
