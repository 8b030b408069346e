import type { Article } from "../../../articles/article.js";
import type { Piece } from "../../../publishing/telegram-html.js";
import { leadSentence } from "../../../summaries/index.js";
import { formatHouseTime } from "../../../time/zoned-time.js";
import type { Messages } from "../../i18n/index.js";
import { fitItems, headlinePiece, oneLine, type ReaderFormat } from "./reader-text.js";

/** A lead line is one line: longer ones are cut at a word end. */
const LEAD_MAX = 220;

/** The lead is looked for among the first few sentences: the rest of the text is not read. */
const LEAD_SOURCE_CHARS = 3_000;

/** The opening of a body, cut at a space so no word (or emoji) is split. */
function opening(body: string): string {
  if (body.length <= LEAD_SOURCE_CHARS) return body;
  const space = body.lastIndexOf(" ", LEAD_SOURCE_CHARS);
  return body.slice(0, space > 0 ? space : LEAD_SOURCE_CHARS);
}

/** The one-line lead of an article: its most telling opening sentence. */
export function leadLine(article: Article, max = LEAD_MAX): string {
  return oneLine(leadSentence({ title: article.title, body: opening(article.body) }), max);
}

/**
 * One article in a list: its number, the linked bold headline, the time in the instance's
 * zone in italics, and a one-line lead (left out when it would only repeat the headline).
 */
export function articleItem(article: Article, position: number, format: ReaderFormat): Piece[] {
  const lead = leadLine(article);
  const pieces: Piece[] = [
    { text: `${position}. ` },
    headlinePiece(article, format),
    { text: "\n" },
    { text: formatHouseTime(article.publishedAt, format.timezone), style: "i" },
  ];
  if (lead && lead !== oneLine(article.title, LEAD_MAX)) pieces.push({ text: `\n${lead}` });
  return pieces;
}

export interface LatestPage {
  readonly articles: readonly Article[];
  /** How many newer articles come before this page (0 for the newest). */
  readonly offset: number;
  /** A note shown above the list, e.g. why the count asked for was not used. */
  readonly hint?: string;
}

/** The /latest message: a bold title, an optional hint, then as many items as fit. */
export function latestMessage(page: LatestPage, format: ReaderFormat, m: Messages): Piece[] {
  const head: Piece[] = [{ text: m.latestTitle, style: "b" }];
  if (page.hint) head.push({ text: "\n" }, { text: page.hint, style: "i" });
  head.push({ text: "\n\n" });
  const items = page.articles.map((a, i) => articleItem(a, page.offset + i + 1, format));
  return fitItems(head, items, []).pieces;
}
