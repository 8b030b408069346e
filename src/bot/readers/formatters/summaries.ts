import type { Article } from "../../../articles/article.js";
import type { Piece } from "../../../publishing/telegram-html.js";
import { formatHouseTime } from "../../../time/zoned-time.js";
import type { Messages } from "../../i18n/index.js";
import { leadLine } from "./article-list.js";
import {
  articleLink,
  fitItems,
  headlinePiece,
  MESSAGE_LIMIT,
  oneLine,
  type ReaderFormat,
  visibleLengthOf,
  withoutControls,
} from "./reader-text.js";

/**
 * The summary of one article: the linked bold headline and its time, the summary sentences
 * as one paragraph (or a note when there is nothing to summarise), and a link to read it all.
 */
export function articleSummaryMessage(
  article: Article,
  sentences: readonly string[],
  format: ReaderFormat,
  m: Messages,
): Piece[] {
  const head: Piece[] = [
    { text: `${m.summaryTitle}: ` },
    headlinePiece(article, format),
    { text: "\n" },
    { text: formatHouseTime(article.publishedAt, format.timezone), style: "i" },
    { text: "\n\n" },
  ];
  const href = articleLink(article, format);
  const tail: Piece[] = href ? [{ text: "\n\n" }, { text: m.readArticle, href }] : [];
  const room = MESSAGE_LIMIT - visibleLengthOf(head) - visibleLengthOf(tail);
  const text = withoutControls(sentences.join(" ")).replace(/\s+/gu, " ").trim();
  const body = text === "" ? m.summaryNoText : oneLine(text, room);
  return [...head, { text: body }, ...tail];
}

export interface DigestView {
  readonly articles: readonly Article[];
  /** True when nothing was published in the last day and these are simply the latest. */
  readonly quiet: boolean;
}

/** The day's digest: a title, then per article a linked headline and its lead sentence. */
export function digestMessage(view: DigestView, format: ReaderFormat, m: Messages): Piece[] {
  const head: Piece[] = [{ text: view.quiet ? m.digestQuiet : m.digestTitle, style: "b" }];
  head.push({ text: "\n\n" });
  const items = view.articles.map((article): Piece[] => {
    const lead = leadLine(article, 300);
    const item: Piece[] = [{ text: "• " }, headlinePiece(article, format, 200)];
    if (lead && lead !== oneLine(article.title, 300)) item.push({ text: `\n${lead}` });
    return item;
  });
  return fitItems(head, items, []).pieces;
}
