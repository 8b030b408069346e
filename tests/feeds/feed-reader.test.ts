import { afterEach, describe, expect, it } from "vitest";
import { createArticleService } from "../../src/articles/article-service.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import { FeedParseError } from "../../src/feeds/feed-errors.js";
import { createWorkerFeedReader } from "../../src/feeds/feed-reader.js";
import { createFeedService } from "../../src/feeds/feed-service.js";
import { htmlToText, MAX_HTML_DEPTH } from "../../src/feeds/html-to-text.js";
import { createTestDb } from "../support/test-db.js";
import { type LocalFeedServer, serve, startLocalFeedServer } from "./local-feed-server.js";
import { RSS2 } from "./sample-feeds.js";

const NESTED = `${"<div>".repeat(100_000)}deep${"</div>".repeat(100_000)}`;

/** An RSS feed with one item whose HTML description is `html`. */
function rssWith(html: string, items = 1): string {
  const escaped = html.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const item = (i: number) =>
    `<item><title>Item ${i}</title><link>https://hostile.example/${i}</link><guid>h-${i}</guid>` +
    `<description>${escaped}</description><pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate></item>`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>https://hostile.example/</link>${Array.from({ length: items }, (_, i) => item(i)).join("")}</channel></rss>`;
}

let server: LocalFeedServer | undefined;
const readers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const r of readers.splice(0)) await r.close();
});

describe("HTML nesting", () => {
  it("refuses 100,000 nested elements with a reason instead of parsing them for seconds", () => {
    expect(() => htmlToText(NESTED)).toThrow(
      new FeedParseError(
        `an item's HTML is nested more than ${MAX_HTML_DEPTH} elements deep; the feed is not read`,
      ),
    );
  });

  it("still reads ordinary nesting, however many elements there are side by side", () => {
    const html = `${"<div><p>Para <b>bold</b><br>line</p></div>".repeat(2000)}`;
    expect(htmlToText(html).text.split("\n\n")).toHaveLength(2000);
    expect(htmlToText(`${"<div>".repeat(MAX_HTML_DEPTH)}ok`).text).toBe("ok");
  });
});

describe("reading feeds in a worker thread", () => {
  it("reads a feed off the bot's thread, with the same result as in it", async () => {
    const reader = createWorkerFeedReader();
    readers.push(reader);
    const bytes = new TextEncoder().encode(RSS2);
    const read = await reader.read(bytes, { feedUrl: "https://news.example/rss", now: 0 });
    expect(read.title).toBe("Daily & Nightly News");
    expect(read.items).toHaveLength(3);
  });

  it("stops a feed over its time budget, refuses it with the reason, and reads the next one", async () => {
    const reader = createWorkerFeedReader(300);
    readers.push(reader);
    // Ten thousand items of long HTML: seconds of work, far over a 0.3 s budget.
    const heavy = new TextEncoder().encode(rssWith(`<p>${"word ".repeat(2000)}</p>`, 10_000));
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const refused = await reader.read(heavy, { maxItems: 10_000 }).catch((e: unknown) => e);
    clearInterval(ticker);

    expect(refused).toEqual(
      new FeedParseError(
        "reading the feed took longer than 0.3 s (too large or too complex); it was stopped",
      ),
    );
    // This thread kept running while the worker read.
    expect(ticks).toBeGreaterThan(0);
    const next = await reader.read(new TextEncoder().encode(RSS2), {});
    expect(next.items).toHaveLength(3);
  }, 30_000);
});

describe("polling a hostile feed", () => {
  it("refuses 100,000 nested divs with the reason and backs the feed off; others still poll", async () => {
    let hostile = false;
    server = await startLocalFeedServer({
      "/hostile.xml": (_req, res) =>
        res
          .writeHead(200, { "content-type": "application/rss+xml" })
          .end(hostile ? rssWith(NESTED) : rssWith("<p>Harmless at first.</p>")),
      "/news.xml": serve(RSS2, { "content-type": "application/rss+xml" }),
    });
    const db = createTestDb();
    let clock = Date.UTC(2024, 5, 3, 9);
    const reader = createWorkerFeedReader();
    readers.push(reader);
    const feeds = createFeedService({
      db,
      articles: createArticleService({ db, articles: createArticlesRepository(db) }),
      enqueue: () => undefined,
      allowPrivate: true,
      now: () => clock,
      backoffBaseMs: 60_000,
      readFeed: reader.read,
    });
    const bad = await feeds.addFeed(server.url("/hostile.xml"));
    const good = await feeds.addFeed(server.url("/news.xml"));
    hostile = true;
    clock += 60_000;

    const results = await feeds.pollDue();

    const reason = `an item's HTML is nested more than ${MAX_HTML_DEPTH} elements deep; the feed is not read`;
    expect(results).toContainEqual({ feedId: bad.feed.id, status: "failed", error: reason });
    expect(results.find((r) => r.feedId === good.feed.id)?.status).toBe("ok");
    expect(feeds.findFeed(bad.feed.id)).toMatchObject({
      lastError: reason,
      failureCount: 1,
      nextFetchAt: clock + 60_000,
    });
  }, 30_000);
});
