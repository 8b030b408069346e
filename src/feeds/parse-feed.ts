import { parseFeed as parseAnyFeed } from "feedsmith";
import { FeedParseError } from "./feed-errors.js";
import { explainParserError } from "./feed-failure-reasons.js";
import { mediaDescription, picturesOf } from "./feed-pictures.js";
import type { PictureSources } from "./picture-choice.js";

/** One entry of a feed, whatever its format, before it is cleaned into an article. */
export interface RawFeedItem {
  /** HTML (or plain text) of the headline. */
  readonly title?: string;
  /** HTML of the fullest text the entry has (content, else description/summary). */
  readonly html?: string;
  /** Plain text, when the format says so (JSON Feed content_text). */
  readonly text?: string;
  readonly link?: string;
  readonly guid?: string;
  /** The date as written in the feed. */
  readonly date?: string;
  /** Image candidates by source (Media RSS, thumbnails, enclosures, featured images). */
  readonly pictures: PictureSources;
  /** HTML of the Media RSS description, the text of video feeds (YouTube) that have no other. */
  readonly mediaText?: string;
  /** xml:base of the entry, when given. */
  readonly base?: string;
}

/** A feed's own facts and its entries, format-neutral. */
export interface RawFeed {
  readonly format: "rss" | "atom" | "rdf" | "json";
  readonly title?: string;
  readonly link?: string;
  readonly language?: string;
  readonly base?: string;
  readonly items: readonly RawFeedItem[];
}

/**
 * An RSS guid doubles as the link when it is a permalink and looks like one: an absolute URL,
 * a site-relative path, or anything the feed explicitly marks isPermaLink="true".
 */
function permalinkGuid(
  guid: { value?: string; isPermaLink?: boolean } | undefined,
): string | undefined {
  const value = guid?.value?.trim();
  if (!value || guid?.isPermaLink === false) return undefined;
  return guid?.isPermaLink === true || /^(https?:\/\/|\/)/i.test(value) ? value : undefined;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Atom text constructs as HTML: type="text" (the default) is escaped so it reads as written. */
function atomHtml(text: { value?: string; type?: string } | undefined): string | undefined {
  if (!text?.value) return undefined;
  return text.type === "html" || text.type === "xhtml" ? text.value : escapeHtml(text.value);
}

const firstNonEmpty = (...values: Array<string | undefined>) => values.find((v) => v?.trim());

/**
 * Parses feed text (RSS 0.9x/2.0, RSS 1.0 RDF, Atom 1.0 or JSON Feed) with feedsmith and maps
 * it to one neutral shape.
 * @throws FeedParseError with a reason fit for an editor when the text is not a readable feed.
 */
export function parseFeedText(text: string): RawFeed {
  let parsed: ReturnType<typeof parseAnyFeed<string>>;
  try {
    parsed = parseAnyFeed<string>(text);
  } catch (error) {
    throw new FeedParseError(explainParserError(error, text), { cause: error });
  }
  switch (parsed.format) {
    case "rss": {
      const f = parsed.feed;
      return {
        format: "rss",
        title: f.title,
        link: f.link ?? f.atom?.links?.find((l) => l.rel === "alternate")?.href,
        language: f.language ?? f.dc?.languages?.[0],
        base: f.xml?.base,
        items: (f.items ?? []).map((i) => ({
          title: i.title ?? i.dc?.titles?.[0],
          html: firstNonEmpty(i.content?.encoded, i.description),
          link: i.link ?? permalinkGuid(i.guid),
          guid: i.guid?.value,
          date: firstNonEmpty(
            i.pubDate,
            i.dc?.dates?.[0],
            i.dcterms?.created?.[0],
            i.atom?.published,
            i.atom?.updated,
          ),
          pictures: picturesOf({
            media: i.media,
            enclosures: i.enclosures,
            featured: [i.itunes?.image],
          }),
          mediaText: mediaDescription(i.media),
          base: i.xml?.base,
        })),
      };
    }
    case "rdf": {
      const f = parsed.feed;
      return {
        format: "rdf",
        title: f.title,
        link: f.link,
        language: f.dc?.languages?.[0],
        base: f.xml?.base,
        items: (f.items ?? []).map((i) => ({
          title: i.title,
          html: firstNonEmpty(i.content?.encoded, i.description),
          link: i.link ?? i.rdf?.about,
          guid: i.rdf?.about ?? i.link,
          date: firstNonEmpty(i.dc?.dates?.[0], i.dcterms?.created?.[0]),
          pictures: picturesOf({ media: i.media }),
          mediaText: mediaDescription(i.media),
          base: i.xml?.base,
        })),
      };
    }
    case "atom": {
      const f = parsed.feed;
      const alternate = (links?: Array<{ href?: string; rel?: string }>) =>
        (links ?? []).find((l) => (l.rel ?? "alternate") === "alternate")?.href;
      return {
        format: "atom",
        title: atomHtml(f.title),
        link: alternate(f.links),
        language: f.xml?.lang,
        base: f.xml?.base,
        items: (f.entries ?? []).map((e) => ({
          title: atomHtml(e.title),
          html: firstNonEmpty(atomHtml(e.content), atomHtml(e.summary)),
          link: alternate(e.links),
          guid: e.id,
          date: firstNonEmpty(e.published, e.updated, e.dc?.dates?.[0]),
          pictures: picturesOf({
            media: e.media,
            enclosures: (e.links ?? [])
              .filter((l) => l.rel === "enclosure")
              .map((l) => ({ url: l.href, type: l.type })),
          }),
          mediaText: mediaDescription(e.media),
          base: e.xml?.base ?? e.content?.xml?.base,
        })),
      };
    }
    case "json": {
      const f = parsed.feed;
      return {
        format: "json",
        title: f.title,
        link: f.home_page_url,
        language: f.language,
        base: f.feed_url,
        items: (f.items ?? []).map((i) => ({
          title: i.title,
          html: firstNonEmpty(i.content_html, i.summary),
          text: i.content_html ? undefined : i.content_text,
          link: i.url ?? i.external_url,
          guid: i.id,
          date: firstNonEmpty(i.date_published, i.date_modified),
          pictures: picturesOf({
            enclosures: (i.attachments ?? []).map((a) => ({ url: a.url, type: a.mime_type })),
            featured: [i.image, i.banner_image],
          }),
        })),
      };
    }
  }
}
