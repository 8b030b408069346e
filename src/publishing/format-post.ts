import { type Article, paragraphsOf } from "../articles/article.js";
import { displayUrl } from "../articles/display-url.js";
import { formatHouseTime } from "../time/zoned-time.js";
import { cutParagraphs } from "./cut-text.js";
import type { PostKind } from "./queue-item.js";
import { isWebUrl, type Piece, renderHtml, renderPlain } from "./telegram-html.js";

/** Telegram's limits, in UTF-16 units of the visible text. */
export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

/** The Bot API's link_preview_options, as plain data. */
export interface LinkPreviewOptions {
  readonly is_disabled?: boolean;
  readonly url?: string;
  readonly prefer_large_media?: boolean;
  readonly show_above_text?: boolean;
}

export interface FormatOptions {
  /** Where the footer links; without it the footer is plain text. */
  readonly channelUrl: string | undefined;
  /** POST_FOOTER, e.g. "read more in our Telegram-channel". */
  readonly footer: string;
  /** IANA zone for the time line. */
  readonly timezone: string;
  /** The bot's username, for the `/start a<ID>` deep link when an article has no URL. */
  readonly botUsername?: string | undefined;
  /** Label of the link to the full story when the body is cut. */
  readonly moreLabel?: string;
  /** Force a kind: "photo" gives a caption that fits 1,024 (to edit a photo post). */
  readonly kind?: PostKind;
}

/** What to send for one article: the house-style HTML and a plain-text fallback. */
export interface FormattedPost {
  readonly kind: PostKind;
  /** Telegram HTML: the message text, or the photo caption. */
  readonly html: string;
  /** The same post without markup, for when Telegram refuses the HTML. */
  readonly plain: string;
  readonly photoUrl?: string;
  readonly linkPreview?: LinkPreviewOptions;
  /** True when the body was cut to fit. */
  readonly truncated: boolean;
  /** Telegram-visible length of `html` (UTF-16 units). */
  readonly visibleLength: number;
}

type Render = (pieces: readonly Piece[]) => string;

const normaliseLine = (line: string) =>
  line
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[.!…\s]+$/u, "")
    .trim();

const SITE_CALL_TO_ACTION =
  /^(?:read|subscribe|join|follow)\b.*\btelegram\b|^(?:читайте|подписывайтесь)\b.*(?:telegram|телеграм)/iu;

/** Drops the site's own closing line(s) ("read more in our Telegram-channel"): we add ours. */
function withoutSiteFooter(paragraphs: string[], footer: string): string[] {
  const ours = normaliseLine(footer);
  const result = [...paragraphs];
  while (result.length > 0) {
    const lines = result.at(-1)!.split("\n");
    const last = lines.at(-1)!;
    const isFooter =
      normaliseLine(last) === ours || (last.length < 100 && SITE_CALL_TO_ACTION.test(last.trim()));
    if (!isFooter) break;
    lines.pop();
    const rest = lines.join("\n").trim();
    if (rest === "") result.pop();
    else result[result.length - 1] = rest;
  }
  return result;
}

/** Control characters other than newline and tab have no place in a post. */
const clean = (text: string) => text.replace(/(?![\n\t])\p{Cc}/gu, "");

interface Parts {
  readonly head: Piece[];
  readonly tail: Piece[];
  readonly more: Piece[];
}

/**
 * The link rule: an article with a web URL has its headline linked to the story (without
 * tracking parameters) in every post; a paste without a URL has a plain bold headline.
 */
function partsOf(article: Article, options: FormatOptions): Parts {
  const webUrl = isWebUrl(article.url) ? displayUrl(article.url) : undefined;
  const headline: Piece = webUrl
    ? { text: clean(article.title), style: "b", href: webUrl, hrefBelow: true }
    : { text: clean(article.title), style: "b" };
  const head: Piece[] = [headline, { text: "\n\n" }];
  const timeLine: Piece[] = [
    { text: formatHouseTime(article.publishedAt, options.timezone), style: "i" },
  ];
  if (article.source) timeLine.push({ text: ` · ${clean(article.source)}` });
  const footer: Piece = isWebUrl(options.channelUrl)
    ? { text: options.footer, href: options.channelUrl }
    : { text: options.footer };
  const tail: Piece[] = [{ text: "\n\n" }, ...timeLine, { text: "\n" }, footer];
  const storyUrl =
    webUrl ??
    (options.botUsername ? `https://t.me/${options.botUsername}?start=a${article.id}` : undefined);
  const more: Piece[] = [{ text: "…" }];
  if (storyUrl)
    more.push({ text: "\n" }, { text: options.moreLabel ?? "Read the full story", href: storyUrl });
  return { head, tail, more };
}

/** The post in one rendering, fitted to `limit` visible units. */
function fitPost(
  article: Article,
  options: FormatOptions,
  parts: Parts,
  limit: number,
  render: Render,
) {
  const paragraphs = withoutSiteFooter(paragraphsOf(clean(article.body)), options.footer);
  const whole = [...parts.head, { text: paragraphs.join("\n\n") }, ...parts.tail];
  // The visible text is what renderPlain gives for the HTML rendering's pieces, minus link addresses.
  const visible = (pieces: readonly Piece[]) =>
    render === renderHtml ? pieces.reduce((n, p) => n + p.text.length, 0) : render(pieces).length;
  if (visible(whole) <= limit)
    return { text: render(whole), length: visible(whole), truncated: false };
  const frame = visible([...parts.head, ...parts.more, ...parts.tail]);
  const body = cutParagraphs(paragraphs, limit - frame, article.language ?? "en");
  const pieces = [...parts.head, { text: body }, ...parts.more, ...parts.tail];
  return { text: render(pieces), length: visible(pieces), truncated: true };
}

/**
 * Formats an article in the house style: bold headline (linked to the story when the article
 * has a web URL), the body, the time and source line in italics, and the footer linked to the
 * channel, always last. Every piece of article text is escaped; the
 * body is cut at a sentence end (with "…" and a link to the full story) when the post would
 * exceed Telegram's limit. With an image: a photo post when the caption fits 1,024, else a
 * text post showing the image as its link preview. Pure: same input, same output.
 */
export function formatPost(article: Article, options: FormatOptions): FormattedPost {
  const parts = partsOf(article, options);
  const image = isWebUrl(article.imageUrl) ? article.imageUrl : undefined;
  const wantsPhoto =
    options.kind === "photo" || (options.kind === undefined && image !== undefined);
  const caption = wantsPhoto
    ? fitPost(article, options, parts, MAX_CAPTION_LENGTH, renderHtml)
    : undefined;
  if (caption && (options.kind === "photo" || !caption.truncated)) {
    const plain = fitPost(article, options, parts, MAX_CAPTION_LENGTH, renderPlain);
    return {
      kind: "photo",
      html: caption.text,
      plain: plain.text,
      ...(image ? { photoUrl: image } : {}),
      truncated: caption.truncated,
      visibleLength: caption.length,
    };
  }
  const text = fitPost(article, options, parts, MAX_TEXT_LENGTH, renderHtml);
  const plain = fitPost(article, options, parts, MAX_TEXT_LENGTH, renderPlain);
  const linkPreview: LinkPreviewOptions = image
    ? { url: image, prefer_large_media: true, show_above_text: true }
    : { is_disabled: true };
  return {
    kind: "text",
    html: text.text,
    plain: plain.text,
    linkPreview,
    truncated: text.truncated,
    visibleLength: text.length,
  };
}
