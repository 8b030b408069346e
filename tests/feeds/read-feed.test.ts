import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { FeedParseError } from "../../src/feeds/feed-errors.js";
import { readFeed } from "../../src/feeds/read-feed.js";
import {
  ATOM,
  cyrillicRss,
  HTML_PAGE,
  JSON_FEED,
  manyItemsRss,
  RDF,
  RSS2,
} from "./sample-feeds.js";

const NOW = Date.UTC(2024, 5, 1);
const utf8 = (text: string) => Buffer.from(text, "utf8");
const read = (
  text: string | Uint8Array,
  feedUrl = "https://news.example.org/feed.xml",
  contentType?: string,
) => readFeed(typeof text === "string" ? utf8(text) : text, { feedUrl, now: NOW, contentType });

describe("reading an RSS 2.0 feed", () => {
  const feed = read(RSS2);

  it("takes the source and language from the channel", () => {
    expect(feed.title).toBe("Daily & Nightly News");
    expect(feed.language).toBe("en-gb");
    expect(
      feed.items.every((i) => i.source === "Daily & Nightly News" && i.language === "en-gb"),
    ).toBe(true);
  });

  it("decodes entities and strips tags in headlines", () => {
    expect(feed.items[0]?.title).toBe("Council & mayor agree budget");
  });

  it("turns HTML into paragraphs without scripts or styles", () => {
    expect(feed.items[0]?.body).toBe("The council met & agreed.\n\nSecond paragraph.");
    expect(feed.items[1]?.body).toBe("Winds of 90 km/h.\n\nStay inside.\nReally.");
  });

  it("resolves relative links against the channel's site and keeps the guid", () => {
    expect(feed.items[0]?.url).toBe("https://news.example.org/2024/05/budget");
    expect(feed.items[0]?.guid).toBe("budget-2024");
  });

  it("finds images in enclosures, inline <img> and media:thumbnail", () => {
    expect(feed.items[0]?.imageUrl).toBe("https://cdn.example.org/budget.jpg");
    expect(feed.items[1]?.imageUrl).toBe("https://news.example.org/img/storm.png");
    expect(feed.items[2]?.imageUrl).toBe("https://cdn.example.org/note.jpg");
  });

  it("keeps good dates and leaves bad ones to the archive's clock", () => {
    expect(feed.items[0]?.publishedAt).toBe(Date.UTC(2024, 4, 14, 9, 30));
    expect(feed.items[1]?.publishedAt).toBeNull();
  });

  it("skips an item with neither headline nor text, and titles one that has only text", () => {
    expect(feed.total).toBe(4);
    expect(feed.skipped).toBe(1);
    expect(feed.items).toHaveLength(3);
    expect(feed.items[2]?.title).toBe("A short note without a headline.");
    expect(feed.items[2]?.url).toBe("https://news.example.org/notes/1");
  });
});

describe("reading the other formats", () => {
  it("reads RSS 1.0 (RDF) with dc:date and dc:language", () => {
    const feed = read(RDF);
    expect(feed.title).toBe("RDF Wire");
    expect(feed.language).toBe("de");
    expect(feed.items[0]).toMatchObject({
      title: "Erste Meldung",
      body: "Grüße aus Köln.",
      url: "https://rdf.example.net/a/1",
      publishedAt: Date.UTC(2024, 2, 1, 9),
    });
  });

  it("reads Atom with xml:base, xml:lang, HTML titles and XHTML content", () => {
    const feed = read(ATOM);
    expect(feed.language).toBe("fr");
    expect(feed.items[0]).toMatchObject({
      title: "Café & crème",
      body: "Premier paragraphe.\n\nDeuxième.",
      url: "https://atom.example.com/blog/posts/cafe",
      guid: "urn:example:cafe",
      publishedAt: Date.UTC(2024, 1, 1, 8),
    });
  });

  it("reads JSON Feed, plain-text and HTML items, with relative URLs resolved", () => {
    const feed = read(JSON_FEED, "https://json.example.io/feed.json", "application/feed+json");
    expect(feed.title).toBe("JSON Times");
    expect(feed.items[0]).toMatchObject({
      title: "Uno",
      body: "Primera línea.\n\nSegundo párrafo.",
      url: "https://json.example.io/posts/uno",
      imageUrl: "https://json.example.io/img/uno.jpg",
      language: "es",
    });
    expect(feed.items[1]?.body).toBe("Hola & adiós");
  });
});

describe("encodings", () => {
  const title = "Выборы в городской совет";
  const text = "Жители проголосовали.";

  it("honours a windows-1251 XML declaration", () => {
    const bytes = iconv.encode(cyrillicRss("windows-1251", title, text), "windows-1251");
    expect(read(bytes).items[0]).toMatchObject({ title, body: text });
  });

  it("honours the HTTP charset over nothing at all", () => {
    const bytes = iconv.encode(cyrillicRss(null, title, text), "koi8-r");
    expect(read(bytes, undefined, "application/rss+xml; charset=KOI8-R").items[0]?.title).toBe(
      title,
    );
  });

  it("recognises undeclared KOI8-R text", () => {
    const bytes = iconv.encode(cyrillicRss(null, title, text.repeat(5)), "koi8-r");
    expect(read(bytes).items[0]?.title).toBe(title);
  });

  it("drops a UTF-8 byte-order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(RDF)]);
    expect(read(bytes).items[0]?.title).toBe("Erste Meldung");
  });

  it("reads ISO-8859-1 as declared", () => {
    const latin = RDF.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    expect(read(iconv.encode(latin, "latin1")).items[0]?.body).toBe("Grüße aus Köln.");
  });

  it("unpacks a gzip body", () => {
    expect(read(gzipSync(utf8(RSS2))).items).toHaveLength(3);
  });
});

describe("limits and refusals", () => {
  it("keeps only the newest items of a huge feed", () => {
    const feed = readFeed(utf8(manyItemsRss(250)), { now: NOW, maxItems: 200 });
    expect(feed.items).toHaveLength(200);
    expect(feed.items[0]?.title).toBe("Item 249");
    expect(feed.items.some((i) => i.title === "Item 49")).toBe(false);
  });

  it("says an HTML page is not a feed", () => {
    expect(() => read(HTML_PAGE)).toThrow(new FeedParseError("this is an HTML page, not a feed"));
  });

  it("says an empty body is not a feed", () => {
    expect(() => read("")).toThrow(/empty/);
  });

  it("says broken XML is broken", () => {
    expect(() => read('<rss version="2.0"><channel><title>x</title><item><title>a</ite')).toThrow(
      /^the feed is broken XML and cannot be read/,
    );
  });

  it("names the root element of an XML document that is no feed", () => {
    expect(() => read('<?xml version="1.0"?><svg><g/></svg>')).toThrow(/root element is <svg>/);
  });

  it("clamps future dates to now", () => {
    const future = RDF.replace("2024-03-01T10:00:00+01:00", "2099-01-01T00:00:00Z");
    expect(read(future).items[0]?.publishedAt).toBe(NOW);
  });
});
