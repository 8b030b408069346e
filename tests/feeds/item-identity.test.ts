import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { createArticleService } from "../../src/articles/article-service.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import type { Db } from "../../src/db/connection.js";
import { createFeedService, type FeedService } from "../../src/feeds/feed-service.js";
import { createTestDb } from "../support/test-db.js";
import {
  fragmentPosts,
  guidTwice,
  linkedList,
  podcast,
  rss,
  sharedLink,
} from "./identity-feeds.js";
import { type LocalFeedServer, serve, startLocalFeedServer } from "./local-feed-server.js";

let db: Db;
let server: LocalFeedServer;
let feeds: FeedService;
let edits: Array<{ id: number; body: string }>;
const clock = Date.UTC(2024, 4, 21, 12);

function stored(): Array<Pick<Article, "title" | "body" | "url" | "publishedAt">> {
  return db
    .prepare("SELECT title, body, url, published_at AS publishedAt FROM articles ORDER BY id")
    .all() as Array<Pick<Article, "title" | "body" | "url" | "publishedAt">>;
}

function publish(path: string, xml: string) {
  server.route(path, serve(xml));
}

beforeEach(async () => {
  db = createTestDb();
  edits = [];
  server = await startLocalFeedServer();
  const articles = createArticleService({
    db,
    articles: createArticlesRepository(db),
    now: () => clock,
  });
  articles.onUpdated((article) => edits.push({ id: article.id, body: article.body }));
  feeds = createFeedService({
    db,
    articles,
    enqueue: () => {},
    allowPrivate: true,
    now: () => clock,
    fetchOptions: { timeoutMs: 2000 },
  });
});

afterEach(() => server.close());

describe("feed item identity", () => {
  it("keeps every podcast episode apart although all link to the show's page", async () => {
    publish("/pod.xml", podcast(6));
    const added = await feeds.addFeed(server.url("/pod.xml"));
    expect(added).toMatchObject({ found: 6, created: 6 });
    const episodes = stored();
    expect(episodes.map((e) => e.title)).toEqual([
      "Episode 1: guest number 1",
      "Episode 2: guest number 2",
      "Episode 3: guest number 3",
      "Episode 4: guest number 4",
      "Episode 5: guest number 5",
      "Episode 6: guest number 6",
    ]);
    // Each keeps its own date: episode 6 was published on the 20th, episode 1 on the 15th.
    expect(new Date(episodes[0]!.publishedAt).getUTCDate()).toBe(15);
    expect(new Date(episodes[5]!.publishedAt).getUTCDate()).toBe(20);
    const [again] = await feeds.pollAll();
    expect(again).toMatchObject({ status: "ok", created: 0, updated: 0 });
    expect(edits).toEqual([]);
  });

  it("stores each #fragment-linked post of a guid-less blog as its own article", async () => {
    publish("/live.xml", fragmentPosts);
    expect(await feeds.addFeed(server.url("/live.xml"))).toMatchObject({ created: 3 });
    expect(stored().map((a) => a.url)).toEqual(
      expect.arrayContaining([
        "https://live.example/2024/05/14#morning",
        "https://live.example/2024/05/14#noon",
        "https://live.example/2024/05/14#evening",
      ]),
    );
    expect((await feeds.pollAll())[0]).toMatchObject({ created: 0, updated: 0 });
  });

  it("keeps two linked-list posts about one outside page apart (different guids)", async () => {
    publish("/ll.xml", linkedList);
    expect(await feeds.addFeed(server.url("/ll.xml"))).toMatchObject({ created: 2 });
    expect(stored().map((a) => a.title)).toEqual([
      "A fine essay on typography",
      "Follow-up: the typography essay again",
    ]);
  });

  it("keeps the first listing of a guid listed twice and never flips between them", async () => {
    publish("/twice.xml", guidTwice("A"));
    expect(await feeds.addFeed(server.url("/twice.xml"))).toMatchObject({ found: 1, created: 1 });
    expect(stored().map((a) => a.body)).toEqual(["Version A: the council passed the budget."]);
    // The feed keeps listing both, in either order: neither is a change.
    for (const order of ["A", "B", "A", "B"] as const) {
      publish("/twice.xml", guidTwice(order));
      expect((await feeds.pollAll())[0]).toMatchObject({ created: 0, updated: 0 });
    }
    expect(edits).toEqual([]);
    expect(stored()).toHaveLength(1);
  });

  it("tells guid-less items with one shared link apart by headline, across fetches", async () => {
    publish("/shared.xml", sharedLink(["Morning update", "Noon update"]));
    expect(await feeds.addFeed(server.url("/shared.xml"))).toMatchObject({ created: 2 });
    // One drops off the feed, then a third appears: the survivor is not a new story.
    publish("/shared.xml", sharedLink(["Noon update"]));
    expect((await feeds.pollAll())[0]).toMatchObject({ created: 0, updated: 0 });
    publish("/shared.xml", sharedLink(["Evening update", "Noon update"]));
    expect((await feeds.pollAll())[0]).toMatchObject({ created: 1, updated: 0 });
    expect(stored().map((a) => a.title)).toEqual([
      "Morning update",
      "Noon update",
      "Evening update",
    ]);
    expect(edits).toEqual([]);
  });

  it("updates an article once per real change of its own item", async () => {
    const item = {
      title: "Storm warning",
      text: "Winds of 90 km/h expected.",
      guid: "storm",
      link: "https://own.example/storm",
    };
    publish("/own.xml", rss("Own", [item]));
    await feeds.addFeed(server.url("/own.xml"));
    publish("/own.xml", rss("Own", [{ ...item, text: "Winds of 120 km/h now expected." }]));
    expect((await feeds.pollAll())[0]).toMatchObject({ updated: 1 });
    expect((await feeds.pollAll())[0]).toMatchObject({ updated: 0 });
    expect(edits.map((e) => e.body)).toEqual(["Winds of 120 km/h now expected."]);
  });
});

describe("duplicates across feeds", () => {
  it("records other feeds' copies as 'also in' and never rewrites the first feed's story", async () => {
    const original = {
      title: "Bridge reopens",
      text: "The bridge reopened on Monday after repairs.",
      guid: "a-bridge",
      link: "https://a.example/bridge",
    };
    publish("/a.xml", rss("A", [original]));
    await feeds.addFeed(server.url("/a.xml"));
    const copies = [
      "https://www.a.example/bridge",
      "https://a.example/bridge?utm_source=b",
      "https://a.example/bridge#comments",
    ].map((link, i) => ({
      title: `B's take ${i}`,
      text: `Rewritten by feed B, version ${i}.`,
      guid: `b-${i}`,
      link,
    }));
    // Feeds B, C and D point at A's story with www., a utm_ parameter, a #fragment.
    for (const [i, copy] of copies.entries()) {
      publish(`/copy-${i}.xml`, rss(`Copy ${i}`, [copy]));
      const added = await feeds.addFeed(server.url(`/copy-${i}.xml`));
      expect(added).toMatchObject({ created: 0, alsoIn: 1 });
    }
    // Their items change later: still not a word of A's story is rewritten.
    for (const [i, copy] of copies.entries()) {
      publish(`/copy-${i}.xml`, rss(`Copy ${i}`, [{ ...copy, text: `${copy.text} Updated.` }]));
    }
    const polled = await feeds.pollAll();
    expect(polled.map((r) => (r.status === "ok" ? [r.created, r.updated] : r.status))).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(stored()).toEqual([
      expect.objectContaining({
        title: "Bridge reopens",
        body: "The bridge reopened on Monday after repairs.",
        url: "https://a.example/bridge",
      }),
    ]);
    expect(edits).toEqual([]);
    const id = db.prepare("SELECT id FROM articles").pluck().get() as number;
    expect(
      db
        .prepare("SELECT count(*) FROM feed_items WHERE article_id = ? AND own = 0")
        .pluck()
        .get(id),
    ).toBe(3);
  });

  it("never merges two different guids of one feed, even with the same link and text", async () => {
    const item = {
      title: "Same words",
      text: "Exactly the same words.",
      link: "https://dup.example/x",
    };
    publish(
      "/dup.xml",
      rss("Dup", [
        { ...item, guid: "one" },
        { ...item, guid: "two" },
      ]),
    );
    expect(await feeds.addFeed(server.url("/dup.xml"))).toMatchObject({ created: 2 });
  });
});

describe("long and unusable items", () => {
  it("stores an item over 100,000 characters cut at a paragraph end, and counts what it refuses", async () => {
    const paragraph = "A long paragraph of the report. ".repeat(100).trim();
    const long = Array.from({ length: 40 }, () => paragraph).join("\n\n");
    const items = [
      { title: "The whole report", text: long, guid: "long" },
      { title: "x".repeat(600), text: "A headline nobody can post.", guid: "bad" },
    ];
    // <description> keeps line breaks only as HTML: write the paragraphs as <p>.
    const xml = rss("Reports", items).replace(
      /<description>([^<]*)<\/description>/,
      (_m, text: string) =>
        `<description>${text
          .split("\n\n")
          .map((p) => `&lt;p&gt;${p}&lt;/p&gt;`)
          .join("")}</description>`,
    );
    publish("/long.xml", xml);
    const added = await feeds.addFeed(server.url("/long.xml"));
    expect(added).toMatchObject({ created: 1, cut: 1 });
    expect(added.refused).toEqual(["the headline is longer than 500 characters"]);
    const row = db.prepare("SELECT body, body_cut FROM articles").get() as {
      body: string;
      body_cut: number;
    };
    expect(row.body_cut).toBe(1);
    expect(row.body.length).toBeLessThanOrEqual(100_000);
    expect(row.body.endsWith(paragraph)).toBe(true);
    expect(feeds.findFeed(added.feed.id)).toMatchObject({
      lastRefused: 1,
      lastRefusedReason: "the headline is longer than 500 characters",
    });
  });
});
