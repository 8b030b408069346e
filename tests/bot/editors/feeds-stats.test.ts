import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromWallTime } from "../../../src/time/zoned-time.js";
import type { BotHarness } from "../../support/bot-harness.js";
import { EDITOR, privateMessage, READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { snapshot, startEditorHarness } from "./editor-harness.js";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour &amp; Town News</title><link>https://harbour.example/</link>
${[1, 2, 3]
  .map(
    (i) => `<item><title>Harbour story ${i}</title><link>https://harbour.example/story-${i}</link>
<guid>harbour-${i}</guid><description>The harbour story number ${i} told in a full sentence or two.</description>
<pubDate>Mon, 0${i} Jun 2025 10:00:00 GMT</pubDate></item>`,
  )
  .join("\n")}
</channel></rss>`;

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/rss.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
      res.end(RSS);
    } else if (req.url === "/page.html") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><html><body><p>Not a feed</p></body></html>");
    } else {
      res.writeHead(404);
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const start = closedAfterEach((env: Record<string, string> = {}) => startEditorHarness({ env }));
const say = (h: BotHarness, text: string) => h.send(privateMessage(text, { from: EDITOR }));
const lastText = (h: BotHarness) => h.fake.messages(EDITOR.id).at(-1)!.text;
const count = (h: BotHarness, sql: string) => (h.db.prepare(sql).pluck().get() as number) ?? 0;

/** `n` feeds stored straight in the database, each failing with a long error. */
function addFailingFeeds(h: BotHarness, n: number, title = (i: number) => `Regional wire ${i}`) {
  const insert = h.db.prepare(
    "INSERT INTO feeds (url, title, last_fetched_at, last_error, failure_count, created_at) VALUES (?, ?, ?, ?, 2, ?)",
  );
  const now = Date.now();
  for (let i = 1; i <= n; i++) {
    insert.run(
      `https://wire-${i}.example/news/regional/section/rss.xml?edition=full&lang=en&page=${i}`,
      title(i),
      now,
      `the server answered 503 Service Unavailable ${"(retry later) ".repeat(8)}`,
      now,
    );
  }
}

describe("feeds from the chat", () => {
  it("adds a feed, fetching it at once, lists it and removes it", async () => {
    const h = await start({ ALLOW_PRIVATE_FEEDS: "true" });
    await say(h, `/addfeed ${base}/rss.xml latest 2`);
    expect(lastText(h)).toBe(
      "✅ Feed Harbour & Town News added as #1.\nIt offered 3 items: 3 new archived (readers see them now), 2 queued for the channel.\nItems that appear later are queued (only archived when older than FEED_MAX_AGE).",
    );
    expect(count(h, "SELECT count(*) FROM publish_queue WHERE state = 'queued'")).toBe(2);
    expect(count(h, "SELECT count(*) FROM articles WHERE visibility = 'private'")).toBe(2);

    await say(h, "/feeds");
    const list = lastText(h);
    expect(list).toContain(`#1 Harbour & Town News\n   ${base}/rss.xml\n   last fetch `);
    expect(list).toContain("3 articles · ok");

    await say(h, "/removefeed 1");
    expect(lastText(h)).toBe(
      `🗑 Feed #1 (${base}/rss.xml) removed. Its articles stay in the archive.`,
    );
    expect(count(h, "SELECT count(*) FROM feeds")).toBe(0);
    expect(h.deps.articles.count()).toBe(3);
    await say(h, "/removefeed 1");
    expect(lastText(h)).toBe("❌ there is no feed with id 1.");
  });

  it("confirms removing a feed with a very long address in one message Telegram accepts", async () => {
    const h = await start();
    const url = `https://wire.example/rss.xml?${"section=regional&".repeat(250)}end=1`;
    h.db
      .prepare("INSERT INTO feeds (id, url, title, created_at) VALUES (7, ?, 'Wire', 0)")
      .run(url);
    await say(h, "/removefeed 7");
    expect(lastText(h)).toMatch(
      /^🗑 Feed #7 \(https:\/\/wire\.example\/rss\.xml\?section=.*…\) removed\./,
    );
    expect(count(h, "SELECT count(*) FROM feeds")).toBe(0);
  });

  it("adds a store-only feed without queueing its items", async () => {
    const h = await start({ ALLOW_PRIVATE_FEEDS: "true" });
    await say(h, `/addfeed ${base}/rss.xml store-only`);
    expect(lastText(h)).toContain(
      "3 new archived (readers see them now), store-only feed: nothing is queued",
    );
    expect(count(h, "SELECT count(*) FROM publish_queue")).toBe(0);
  });

  it("reports why a feed could not be added, and stores nothing", async () => {
    const h = await start({ ALLOW_PRIVATE_FEEDS: "true" });
    await say(h, `/addfeed ${base}/page.html`);
    expect(lastText(h)).toMatch(/^❌ Feed not added: /);
    await say(h, `/addfeed ${base}/missing.xml`);
    expect(lastText(h)).toMatch(/^❌ Feed not added: .*404/);
    await say(h, "/addfeed ftp://example.com/feed.xml");
    expect(lastText(h)).toBe(
      "❌ Feed not added: only http and https feed URLs are allowed, not ftp.",
    );
    expect(count(h, "SELECT count(*) FROM feeds")).toBe(0);
  });

  it("refuses private and local addresses unless ALLOW_PRIVATE_FEEDS=true", async () => {
    const h = await start();
    await say(h, `/addfeed ${base}/rss.xml`);
    expect(lastText(h)).toBe(
      "❌ Feed not added: 127.0.0.1 is a loopback address; feeds must be on the public internet.",
    );
    await say(h, "/addfeed http://localhost/feed.xml");
    expect(lastText(h)).toMatch(/^❌ Feed not added: localhost is this machine/);
    expect(count(h, "SELECT count(*) FROM feeds")).toBe(0);
    expect(h.deps.articles.count()).toBe(0);
  });

  it("lists sixty feeds within one message, saying how many more there are", async () => {
    const h = await start();
    addFailingFeeds(h, 60);
    await say(h, "/feeds");
    const list = lastText(h);
    expect(list.startsWith("Feeds (60)")).toBe(true);
    expect(list).toContain("#1 Regional wire 1");
    expect(list).toMatch(/… and \d+ more feeds? not shown\./);
    expect(list.length).toBeLessThanOrEqual(4096);
  });

  it("shortens a feed's very long title in the list", async () => {
    const h = await start();
    addFailingFeeds(h, 1, () => `Endless ${"headline ".repeat(800)}`);
    await say(h, "/feeds");
    const list = lastText(h);
    expect(list).toContain("#1 Endless headline");
    expect(list.length).toBeLessThan(1000);
  });

  it("refuses readers and changes nothing", async () => {
    const h = await start({ ALLOW_PRIVATE_FEEDS: "true" });
    await say(h, `/addfeed ${base}/rss.xml`);
    const before = snapshot(h.db);
    for (const command of [`/addfeed ${base}/rss.xml`, "/feeds", "/removefeed 1"]) {
      await h.send(privateMessage(command, { from: READER }));
    }
    expect(snapshot(h.db)).toEqual(before);
    expect(
      h.fake.messages(READER.id).every((m) => m.text.includes("only for the newsroom's editors")),
    ).toBe(true);
  });
});

describe("/stats", () => {
  it("shows the figures of a known database", async () => {
    const h = await start();
    const db = h.db;
    const now = Date.now();
    const day = 86_400_000;
    const insertArticle = db.prepare(
      "INSERT INTO articles (id, title, body, published_at, created_at, content_hash) VALUES (?, ?, 'body', ?, ?, ?)",
    );
    for (let id = 1; id <= 9; id++) insertArticle.run(id, `Article ${id}`, now, now, `hash-${id}`);
    const insertItem = db.prepare(
      "INSERT INTO publish_queue (article_id, channel, state, position, posted_at, last_error, created_at, updated_at) VALUES (?, '@newsroom_test', ?, ?, ?, ?, ?, ?)",
    );
    // Posted: 2 since midnight (Moscow), 1 three days ago, 1 ten days ago.
    const midnight = (() => {
      const d = new Date(now + 3 * 3600_000);
      return fromWallTime(
        {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: 0,
          minute: 0,
          second: 0,
        },
        "Europe/Moscow",
      );
    })();
    insertItem.run(1, "posted", 1, midnight + 1000, null, now, now);
    insertItem.run(2, "posted", 2, midnight + 2000, null, now, now);
    insertItem.run(3, "posted", 3, now - 3 * day, null, now, now);
    insertItem.run(4, "posted", 4, now - 10 * day, null, now, now);
    insertItem.run(5, "queued", 5, null, null, now, now);
    insertItem.run(6, "queued", 6, null, null, now, now);
    insertItem.run(7, "queued", 7, null, null, now, now);
    insertItem.run(8, "failed", 8, null, "Bad Request: message is too long", now, now);
    db.prepare(
      "INSERT INTO feeds (url, title, last_fetched_at, last_success_at, item_count, created_at) VALUES (?, ?, ?, ?, 4, ?)",
    ).run("https://good.example/rss", "Good Feed", now, now, now);
    db.prepare(
      "INSERT INTO feeds (url, title, last_fetched_at, last_error, failure_count, created_at) VALUES (?, ?, ?, ?, 3, ?)",
    ).run("https://bad.example/rss", "Bad <Feed>", now, "the server answered 503", now);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)").run(
      "publishing.last_delivery_error",
      JSON.stringify({ at: now, message: "Too Many Requests: retry after 5" }),
      now,
    );
    await say(h, "/pause");
    await say(h, "/stats");
    const stats = lastText(h);
    expect(stats).toContain(
      "Articles stored: 9\nQueued: 3 · failed: 1\nPosted today: 2 · last 7 days: 3\nPublishing: ⏸ paused since ",
    );
    expect(stats).toContain("Last delivery error: Too Many Requests: retry after 5 (");
    expect(stats).toContain(
      "Feeds: 2 · ok 1 · failing 1\n   #2 Bad <Feed>: the server answered 503",
    );
  });

  it("fits forty failing feeds into one message, saying how many more there are", async () => {
    const h = await start();
    addFailingFeeds(h, 40);
    await say(h, "/stats");
    const stats = lastText(h);
    expect(stats).toContain("Feeds: 40 · ok 0 · failing 40");
    expect(stats).toContain("#1 Regional wire 1: the server answered 503");
    expect(stats).toMatch(/… and \d+ more failing feeds? not shown\./);
    expect(stats.length).toBeLessThanOrEqual(4096);
  });

  it("is refused to a reader", async () => {
    const h = await start();
    await h.send(privateMessage("/stats", { from: READER }));
    expect(h.fake.messages(READER.id)[0]!.text).toContain("only for the newsroom's editors");
  });
});
