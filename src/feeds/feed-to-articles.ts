import type { ArticleInput } from "../articles/article.js";
import { type HtmlText, htmlToLine, htmlToText } from "./html-to-text.js";
import type { RawFeed, RawFeedItem } from "./parse-feed.js";
import { choosePicture } from "./picture-choice.js";

/** How many items one fetch of one feed may bring in at most (the newest ones). */
export const DEFAULT_MAX_ITEMS_PER_FEED = 200;

/** Dates before this are placeholders (the Unix epoch, "0001-01-01"), not real publication times. */
const EARLIEST_PLAUSIBLE = Date.UTC(1990, 0, 1);
const MAX_TITLE_FROM_TEXT = 120;

/** A feed turned into articles ready for the archive. */
export interface FeedArticles {
  readonly title: string | null;
  /** The site the feed belongs to (absolute), when known. */
  readonly link: string | null;
  readonly language: string | null;
  readonly items: ArticleInput[];
  /** Entries the feed holds, before skipping empty ones and capping. */
  readonly total: number;
  /** Entries dropped because they had neither a headline nor text. */
  readonly skipped: number;
}

export interface FeedToArticlesOptions {
  /** Where the feed was fetched from; the last resort for resolving relative links. */
  readonly feedUrl?: string;
  readonly feedId?: number | null;
  readonly maxItems?: number;
  readonly now?: number;
}

/** Resolves `ref` against `base`; undefined unless the result is an http(s) URL. */
export function resolveHttpUrl(
  ref: string | undefined,
  base: string | undefined,
): string | undefined {
  const value = ref?.trim();
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A publication time from a feed date, or null when the date is missing, unreadable or
 * implausible (the archive then uses the time it stores the item). Dates in the future are
 * clamped to now so a wrong clock cannot pin an item to the top.
 */
export function parseFeedDate(raw: string | undefined, now: number): number | null {
  const value = raw?.trim();
  if (!value) return null;
  let ms = Date.parse(value);
  // Localised weekday names ("Птн, 10 Jan 2014 …") defeat the parser; the rest is usually fine.
  if (Number.isNaN(ms) && value.includes(",")) ms = Date.parse(value.slice(value.indexOf(",") + 1));
  if (!Number.isFinite(ms) || ms < EARLIEST_PLAUSIBLE) return null;
  return Math.min(ms, now);
}

/** A headline made from the text when an entry has none: its first sentence, kept short. */
function titleFromText(text: string): string {
  const firstLine = text.split("\n")[0] ?? "";
  const sentence = /^.+?[.!?…](?=\s|$)/u.exec(firstLine)?.[0] ?? firstLine;
  if (sentence.length <= MAX_TITLE_FROM_TEXT) return sentence;
  const cut = sentence.slice(0, MAX_TITLE_FROM_TEXT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_TITLE_FROM_TEXT / 2)).trimEnd()}…`;
}

function plainText(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/** True when a text says nothing but "Video: …" lines (or nothing at all). */
const onlyEmbeds = (content: HtmlText | undefined) =>
  !content || content.text.split("\n\n").filter(Boolean).length <= content.embeds.length;

/**
 * The body and the inline images of an entry: its text, else (a YouTube-style entry with no
 * other words) the Media RSS description, kept before any "Video: …" lines.
 */
function bodyOf(item: RawFeedItem, base: string | undefined, language: string | null) {
  const options = { base, language: language ?? undefined };
  const content = item.html ? htmlToText(item.html, options) : undefined;
  const own = item.text !== undefined ? plainText(item.text) : (content?.text ?? "");
  const media =
    item.mediaText && (own === "" || (item.text === undefined && onlyEmbeds(content)))
      ? htmlToText(item.mediaText, options)
      : undefined;
  const body = media ? [media.text, own].filter(Boolean).join("\n\n") : own;
  return { body, images: [...(content?.images ?? []), ...(media?.images ?? [])] };
}

interface Candidate {
  readonly input: ArticleInput;
  readonly publishedAt: number | null;
}

function toCandidate(
  item: RawFeedItem,
  feedBase: string | undefined,
  opts: FeedToArticlesOptions,
  source: string | null,
  language: string | null,
  now: number,
): Candidate | undefined {
  const base = resolveHttpUrl(item.base, feedBase) ?? feedBase;
  const { body, images } = bodyOf(item, base, language);
  let title = item.title ? htmlToLine(item.title) : "";
  if (title === "" && body === "") return undefined;
  if (title === "") title = titleFromText(body);
  const url = resolveHttpUrl(item.link, base) ?? null;
  const guid = item.guid?.trim().startsWith("/")
    ? resolveHttpUrl(item.guid, base)
    : item.guid?.trim();
  const image = choosePicture(item.pictures, images, (src) => resolveHttpUrl(src, base));
  const publishedAt = parseFeedDate(item.date, now);
  return {
    publishedAt,
    input: {
      title,
      body,
      url,
      guid: guid || null,
      feedId: opts.feedId ?? null,
      source,
      imageUrl: image ?? null,
      language,
      publishedAt,
    },
  };
}

/**
 * Cleans a parsed feed into article inputs: headlines and bodies as plain text (HTML read by a
 * real parser), links and images resolved to absolute URLs (entry xml:base, feed xml:base, the
 * feed's site link, then the feed URL), dates checked, empty entries skipped, and only the
 * newest `maxItems` kept.
 */
export function feedToArticles(feed: RawFeed, opts: FeedToArticlesOptions = {}): FeedArticles {
  const now = opts.now ?? Date.now();
  const maxItems = opts.maxItems ?? DEFAULT_MAX_ITEMS_PER_FEED;
  const feedBase = resolveHttpUrl(feed.base, opts.feedUrl) ?? opts.feedUrl;
  const link = resolveHttpUrl(feed.link, feedBase) ?? null;
  // Relative entry links point into the site; an absolute site link is the best base after xml:base.
  const itemBase = resolveHttpUrl(feed.base, opts.feedUrl) ?? link ?? opts.feedUrl;
  const title = feed.title ? htmlToLine(feed.title) || null : null;
  const language = feed.language?.trim().toLowerCase() || null;
  const source = title ?? (link ? new URL(link).hostname : null);

  const candidates = feed.items
    .map((item) => toCandidate(item, itemBase, opts, source, language, now))
    .filter((c): c is Candidate => c !== undefined);
  // Feeds list newest first by convention; when every entry is dated, trust the dates instead.
  const ordered = candidates.every((c) => c.publishedAt !== null)
    ? [...candidates].sort((a, b) => (b.publishedAt ?? 0) - (a.publishedAt ?? 0))
    : candidates;
  return {
    title,
    link,
    language,
    items: ordered.slice(0, maxItems).map((c) => c.input),
    total: feed.items.length,
    skipped: feed.items.length - candidates.length,
  };
}
