import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FeedParseError } from "../../src/feeds/feed-errors.js";
import type { FeedArticles } from "../../src/feeds/feed-to-articles.js";
import { readFeed } from "../../src/feeds/read-feed.js";
import {
  hasSharedFixtures,
  SHARED_FIXTURES,
  SHARED_FIXTURES_MISSING,
} from "../support/fixtures.js";

const FEEDS = join(SHARED_FIXTURES, "feeds");
/** Files that are not readable feeds on purpose (see PROVENANCE.md). */
const NOT_FEEDS = new Set(["messy/not_a_feed_html.rss", "messy/hackernews_malformed.xml"]);
/** Real feeds that hold no items, or none with a link. */
const EMPTY = new Set(["messy/straitstimes_empty_channel.xml"]);

function corpusFiles(): string[] {
  if (!hasSharedFixtures) return [];
  return readdirSync(FEEDS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(FEEDS, d.name)).map((f) => `${d.name}/${f}`))
    .sort();
}

function readCorpusFeed(file: string): FeedArticles {
  return readFeed(readFileSync(join(FEEDS, file)), {
    feedUrl: `https://feeds.example.com/${file}`,
  });
}

describe.skipIf(!hasSharedFixtures)(
  `shared feed corpus (${hasSharedFixtures ? FEEDS : SHARED_FIXTURES_MISSING})`,
  () => {
    const files = corpusFiles();

    it("has the 58 files the manifest lists", () => {
      expect(files).toHaveLength(58);
    });

    it.each(files)("%s parses, or fails with a clear reason", (file) => {
      if (NOT_FEEDS.has(file)) {
        expect(() => readCorpusFeed(file)).toThrow(FeedParseError);
        return;
      }
      const feed = readCorpusFeed(file);
      if (EMPTY.has(file)) {
        expect(feed.items).toHaveLength(0);
        return;
      }
      expect(feed.items.length).toBeGreaterThan(0);
      for (const item of feed.items) {
        expect(item.title.trim()).not.toBe("");
        expect(item.title).not.toMatch(/<[a-z][^>]*>/i);
        // Some articles show HTML code to their readers (escaped twice); real markup never survives.
        expect(item.body).not.toMatch(/<script/i);
        expect(item.body.startsWith("<")).toBe(false);
        if (item.url) expect(item.url).toMatch(/^https?:\/\//);
        if (item.publishedAt !== null && item.publishedAt !== undefined) {
          expect(Number.isFinite(item.publishedAt)).toBe(true);
        }
      }
    });

    it("says the HTML page is an HTML page", () => {
      expect(() => readCorpusFeed("messy/not_a_feed_html.rss")).toThrow(
        "this is an HTML page, not a feed",
      );
    });

    it("decodes the windows-1251 feed, also when gzipped", () => {
      for (const file of [
        "russian/oren_ru_windows1251.xml",
        "messy/oren_ru_gzip_compressed.xml.gz",
      ]) {
        const feed = readCorpusFeed(file);
        expect(feed.title).toBe("Новости Оренбурга и области / Раздел Новости");
        expect(feed.items[0]?.body).toMatch(/^Работы по возведению детского сада/);
      }
    });

    it("recognises the undeclared KOI8-R feed", () => {
      expect(readCorpusFeed("russian/koi8r_no_declaration.xml").items[0]?.title).toBe(
        "Как пережить новогоднюю ночь",
      );
    });

    it("reads Latin-1 without a declaration", () => {
      const titles = readCorpusFeed("messy/uol_noticias_no_decl_latin1.rss")
        .items.map((i) => i.title)
        .join(" ");
      expect(titles).toMatch(/[ãçéíóú]/);
      expect(titles).not.toContain("\uFFFD");
    });

    it("resolves relative links against the site", () => {
      const hf = readCorpusFeed("messy/huggingface_blog_relative_links.xml");
      expect(hf.items[0]?.url).toBe("https://feeds.example.com/blog/intro-graphml");
      const nw = readCorpusFeed("messy/neverwinter_relative_urls.xml");
      expect(
        nw.items.every((i) =>
          i.url?.startsWith("https://feeds.example.com/en/games/neverwinter/news/"),
        ),
      ).toBe(true);
    });

    it("caps the 730-item podcast feed at the 200 newest", () => {
      const feed = readCorpusFeed("rss2/giantbomb_podcast_huge.rss");
      expect(feed.total).toBe(730);
      expect(feed.items).toHaveLength(200);
    });

    it("finds pictures in media:content feeds", () => {
      const feed = readCorpusFeed("rss2/nyt_top_stories_2023.xml");
      expect(feed.items.filter((i) => i.imageUrl?.startsWith("https://")).length).toBeGreaterThan(
        10,
      );
    });
  },
);
