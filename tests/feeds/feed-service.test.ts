import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createArticleService } from "../../src/articles/article-service.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import type { Db } from "../../src/db/connection.js";
import { FeedNotFoundError, FeedUrlNotAllowedError } from "../../src/feeds/feed-errors.js";
import { createFeedService, type FeedService } from "../../src/feeds/feed-service.js";
import { createTestDb } from "../support/test-db.js";
import { type LocalFeedServer, serve, startLocalFeedServer } from "./local-feed-server.js";
import { ATOM, HTML_PAGE, RSS2 } from "./sample-feeds.js";

const BACKOFF = 60_000;
let db: Db;
let server: LocalFeedServer;
let clock: number;
let queued: number[];
let feeds: FeedService;

function articleCount(): number {
  return db.prepare("SELECT count(*) FROM articles").pluck().get() as number;
}

beforeEach(async () => {
  db = createTestDb();
  clock = Date.UTC(2024, 5, 1, 12);
  queued = [];
  server = await startLocalFeedServer({
    "/news.xml": (req, res) => {
      if (req.headers["if-none-match"] === '"n1"') return void res.writeHead(304).end();
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"n1"' }).end(RSS2);
    },
    "/blog.atom": serve(ATOM, { "content-type": "application/atom+xml" }),
    "/page.html": serve(HTML_PAGE, { "content-type": "text/html" }),
  });
  const articles = createArticleService({
    db,
    articles: createArticlesRepository(db),
    now: () => clock,
  });
  feeds = createFeedService({
    db,
    articles,
    enqueue: (id) => queued.push(id),
    allowPrivate: true,
    now: () => clock,
    backoffBaseMs: BACKOFF,
    fetchOptions: { timeoutMs: 2000 },
  });
});

afterEach(() => server.close());

describe("adding a feed", () => {
  it("fetches it at once and archives its items without queueing any", async () => {
    const result = await feeds.addFeed(server.url("/news.xml"));
    expect(result).toMatchObject({ found: 3, created: 3, queued: 0 });
    expect(result.feed).toMatchObject({
      title: "Daily & Nightly News",
      storeOnly: false,
      itemCount: 3,
      etag: '"n1"',
    });
    expect(queued).toEqual([]);
    expect(articleCount()).toBe(3);
    const hidden = db
      .prepare("SELECT count(*) FROM articles WHERE visibility <> 'public'")
      .pluck()
      .get();
    expect(hidden).toBe(0);
  });

  it("queues the newest N items with `latest N`, private until posted", async () => {
    const result = await feeds.addFeed(server.url("/news.xml"), { latest: 1 });
    expect(result).toMatchObject({ found: 3, created: 3, queued: 1 });
    // The dated budget story is the newest: undated items count as fetched now only for storage.
    const queuedArticles = queued.map(
      (id) =>
        db.prepare("SELECT guid, title, visibility FROM articles WHERE id = ?").get(id) as {
          guid: string | null;
          title: string;
          visibility: string;
        },
    );
    expect(queuedArticles).toEqual([
      { guid: "budget-2024", title: "Council & mayor agree budget", visibility: "private" },
    ]);
  });

  it("stores but does not queue the items of a store-only feed", async () => {
    const result = await feeds.addFeed(server.url("/blog.atom"), { storeOnly: true });
    expect(result.created).toBe(1);
    expect(queued).toEqual([]);
    expect(feeds.listFeeds()[0]?.storeOnly).toBe(true);
  });

  it("refuses an HTML page with the reason and stores nothing", async () => {
    await expect(feeds.addFeed(server.url("/page.html"))).rejects.toThrow(
      "this is an HTML page, not a feed",
    );
    expect(feeds.listFeeds()).toEqual([]);
    expect(articleCount()).toBe(0);
  });

  it("refuses a private address when private feeds are not allowed", async () => {
    const strict = createFeedService({
      db,
      articles: createArticleService({ db, articles: createArticlesRepository(db) }),
      enqueue: (id) => queued.push(id),
      allowPrivate: false,
    });
    await expect(strict.addFeed(server.url("/news.xml"))).rejects.toBeInstanceOf(
      FeedUrlNotAllowedError,
    );
    expect(feeds.listFeeds()).toEqual([]);
  });

  it("allows the one trusted local feed (the sandbox's sample) and still refuses its neighbours", async () => {
    const sandboxLike = createFeedService({
      db,
      articles: createArticleService({ db, articles: createArticlesRepository(db) }),
      enqueue: (id) => queued.push(id),
      allowPrivate: false,
      trustedUrls: [server.url("/news.xml")],
    });
    await expect(sandboxLike.addFeed(server.url("/blog.atom"))).rejects.toBeInstanceOf(
      FeedUrlNotAllowedError,
    );
    const { feed, created } = await sandboxLike.addFeed(server.url("/news.xml"));
    expect(created).toBe(3);
    expect(await sandboxLike.pollAll()).toEqual([
      expect.objectContaining({ feedId: feed.id, status: "not-modified" }),
    ]);
  });

  it("refuses the same feed twice", async () => {
    const { feed } = await feeds.addFeed(server.url("/news.xml"));
    await expect(feeds.addFeed(server.url("/news.xml"))).rejects.toThrow(
      `this feed is already added (id ${feed.id})`,
    );
  });
});

describe("polling", () => {
  it("finds nothing new the second time and queues nothing again", async () => {
    await feeds.addFeed(server.url("/news.xml"));
    await feeds.addFeed(server.url("/blog.atom"));
    queued = [];
    clock += 10 * 60_000;
    const first = await feeds.pollDue();
    expect(first.map((r) => r.status).sort()).toEqual(["not-modified", "ok"]);
    expect(first.find((r) => r.status === "ok")).toMatchObject({ created: 0 });
    clock += 10 * 60_000;
    await feeds.pollDue();
    expect(queued).toEqual([]);
    expect(articleCount()).toBe(4);
  });

  it("queues an item that appears later", async () => {
    const { feed } = await feeds.addFeed(server.url("/blog.atom"));
    queued = [];
    const newer = ATOM.replace("urn:example:cafe", "urn:example:tea")
      .replace("posts/cafe", "posts/tea")
      .replace("2024-02-01T08:00:00Z", "2024-06-01T11:00:00Z")
      .replace("Premier paragraphe.", "Un thé, enfin.");
    server.route("/blog.atom", serve(newer, { "content-type": "application/atom+xml" }));
    const [result] = await feeds.pollAll();
    expect(result).toMatchObject({ feedId: feed.id, status: "ok", created: 1, queued: 1 });
    expect(queued).toHaveLength(1);
  });

  it("archives without queueing a later item published longer ago than FEED_MAX_AGE", async () => {
    const { feed } = await feeds.addFeed(server.url("/blog.atom"));
    const older = ATOM.replace("urn:example:cafe", "urn:example:tea")
      .replace("posts/cafe", "posts/tea")
      .replace("Premier paragraphe.", "Un thé, enfin.");
    server.route("/blog.atom", serve(older, { "content-type": "application/atom+xml" }));
    const [result] = await feeds.pollAll();
    // Dated February, fetched in June: far older than the default two days.
    expect(result).toMatchObject({ feedId: feed.id, status: "ok", created: 1, queued: 0 });
    expect(queued).toEqual([]);
  });

  it("records a failure with backoff while the other feeds still poll", async () => {
    const broken = await feeds.addFeed(server.url("/blog.atom"));
    const healthy = await feeds.addFeed(server.url("/news.xml"));
    server.route("/blog.atom", serve("", {}, 500));
    clock += 60_000;

    const results = await feeds.pollDue();
    expect(results).toContainEqual({
      feedId: broken.feed.id,
      status: "failed",
      error: "the server answered 500 Internal Server Error",
    });
    expect(results).toContainEqual({ feedId: healthy.feed.id, status: "not-modified" });
    const failed = feeds.findFeed(broken.feed.id)!;
    expect(failed).toMatchObject({
      lastError: "the server answered 500 Internal Server Error",
      failureCount: 1,
      nextFetchAt: clock + BACKOFF,
    });

    // Not due during the backoff; the second failure waits twice as long.
    clock += BACKOFF / 2;
    expect((await feeds.pollDue()).map((r) => r.feedId)).not.toContain(broken.feed.id);
    clock += BACKOFF;
    await feeds.pollDue();
    expect(feeds.findFeed(broken.feed.id)).toMatchObject({
      failureCount: 2,
      nextFetchAt: clock + 2 * BACKOFF,
    });

    // Recovery clears the error and the backoff.
    server.route("/blog.atom", serve(ATOM, { "content-type": "application/atom+xml" }));
    clock += 2 * BACKOFF;
    await feeds.pollDue();
    expect(feeds.findFeed(broken.feed.id)).toMatchObject({
      lastError: null,
      failureCount: 0,
      nextFetchAt: clock,
    });
  });

  it("records a parse failure in words an editor understands", async () => {
    const { feed } = await feeds.addFeed(server.url("/blog.atom"));
    server.route("/blog.atom", serve(HTML_PAGE, { "content-type": "text/html" }));
    await feeds.pollAll();
    expect(feeds.findFeed(feed.id)?.lastError).toBe("this is an HTML page, not a feed");
  });
});

describe("removing a feed", () => {
  it("stops polling it and keeps its articles", async () => {
    const { feed } = await feeds.addFeed(server.url("/news.xml"));
    expect(feeds.removeFeed(feed.id).url).toBe(server.url("/news.xml"));
    expect(feeds.listFeeds()).toEqual([]);
    expect(articleCount()).toBe(3);
  });

  it("says when there is no such feed", () => {
    expect(() => feeds.removeFeed(999)).toThrow(new FeedNotFoundError(999));
  });
});
