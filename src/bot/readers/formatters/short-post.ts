import type { Article } from "../../../articles/article.js";
import { isWebUrl, type Piece } from "../../../publishing/telegram-html.js";
import { formatHouseTime } from "../../../time/zoned-time.js";
import type { Messages } from "../../i18n/index.js";
import { articleLink, oneLine, type ReaderFormat } from "./reader-text.js";

/**
 * A short post in the house style, for sharing an article from inline mode: the bold
 * headline, its lead, the time (and source) in italics, a link to the story, and the
 * channel footer. Short enough to sit in any chat without drowning it.
 */
export function shortPost(
  article: Article,
  lead: string,
  format: ReaderFormat,
  m: Messages,
): Piece[] {
  const title = oneLine(article.title, 300) || "…";
  const pieces: Piece[] = [{ text: title, style: "b" }];
  if (lead && lead !== title) pieces.push({ text: `\n\n${lead}` });
  pieces.push({ text: "\n\n" });
  pieces.push({ text: formatHouseTime(article.publishedAt, format.timezone), style: "i" });
  if (article.source) pieces.push({ text: ` · ${oneLine(article.source, 100)}` });
  const href = articleLink(article, format);
  if (href) pieces.push({ text: "\n" }, { text: m.readFullStory, href });
  const footer: Piece = isWebUrl(format.channelUrl)
    ? { text: format.footer, href: format.channelUrl }
    : { text: format.footer };
  pieces.push({ text: "\n" }, footer);
  return pieces;
}
