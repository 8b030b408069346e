import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createArticleService } from "../../src/articles/article-service.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import type { Db } from "../../src/db/connection.js";
import { FeedNotFoundError } from "../../src/feeds/feed-errors.js";
import { parseWordList, passesFeedRules } from "../../src/feeds/feed-rules.js";
import { createFeedService, type FeedService } from "../../src/feeds/feed-service.js";
import { createTestDb } from "../support/test-db.js";
import { type LocalFeedServer, startLocalFeedServer } from "./local-feed-server.js";

function rss(items: readonly { guid: string; title: string; text: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>City Desk</title>
<link>https://city.example/</link>${items
    .map(
      (i, n) => `<item><title>${i.title}</title><link>https://city.example/${i.guid}</link>
<guid>${i.guid}</guid><description>${i.text}</description>
<pubDate>${new Date(Date.now() - (10 - n) * 60_000).toUTCString()}</pubDate></item>`,
    )
    .join("")}</channel></rss>`;
}

const FIRST = [{ guid: "a", title: "Opening day", text: "The festival opened with a parade." }];
const LATER = [
  ...FIRST,
  { guid: "b", title: "Выборы в городской совет", text: "Итоги выборов объявят завтра." },
  { guid: "c", title: "Football results", text: "The home team won the match." },
  { guid: "d", title: "Election sponsored content", text: "Advertisement about the election." },
  { guid: "e", title: "Weather", text: "Sunny with light wind all week." },
];

describe("word lists", () => {
  it("reads comma- or line-separated words, folds case and ё, and clears with -", () => {
    expect(parseWordList("Election, ВЫБОРЫ*\nёлка;  city council ")).toEqual([
      "election",
      "выборы*",
      "елка",
      "city council",
    ]);
    expect(parseWordList("-")).toEqual([]);
    expect(parseWordList("")).toEqual([]);
    expect(parseWordList(Array.from({ length: 51 }, (_, i) => `w${i}`).join(","))).toBeUndefined();
    expect(parseWordList("x".repeat(61))).toBeUndefined();
  });

  it("matches whole words, prefixes with *, and phrases, in headline or text", () => {
    const rules = (include: string[], exclude: string[] = []) => ({
      includeWords: include,
      excludeWords: exclude,
    });
    expect(passesFeedRules(rules(["election"]), "Election night", "")).toBe(true);
    expect(passesFeedRules(rules(["election"]), "Elections", "")).toBe(false);
    expect(passesFeedRules(rules(["выбор*"]), "Итоги", "Итоги выборов объявят")).toBe(true);
    expect(passesFeedRules(rules(["city council"]), "The City  Council met", "")).toBe(true);
    expect(passesFeedRules(rules(["council city"]), "The City Council met", "")).toBe(false);
    expect(passesFeedRules(rules([], ["ёлка"]), "Новогодняя елка", "")).toBe(false);
    expect(
      passesFeedRules(rules(["election"], ["advertisement"]), "Election", "Advertisement"),
    ).toBe(false);
    expect(passesFeedRules(rules([]), "Anything", "at all")).toBe(true);
  });
});

describe("per-feed rules in the feed service", () => {
  let db: Db;
  let server: LocalFeedServer;
  let queued: number[];
  let feeds: FeedService;
  let body: string;

  beforeEach(async () => {
    db = createTestDb();
    queued = [];
    body = rss(FIRST);
    server = await startLocalFeedServer({
      "/rss": (_req, res) =>
        res.writeHead(200, { "content-type": "application/rss+xml" }).end(body),
    });
    const articles = createArticleService({ db, articles: createArticlesRepository(db) });
    feeds = createFeedService({
      db,
      articles,
      enqueue: (id) => queued.push(id),
      allowPrivate: true,
      fetchOptions: { timeoutMs: 2000 },
    });
  });
  afterEach(() => server.close());

  const titles = (ids: readonly number[]) =>
    ids.map((id) => db.prepare("SELECT title FROM articles WHERE id = ?").pluck().get(id));

  it("queues only items with an include word and without an exclude word, archiving the rest", async () => {
    const { feed } = await feeds.addFeed(server.url("/rss"));
    queued.length = 0;
    const set = feeds.setRules(feed.id, {
      includeWords: ["election", "выбор*"],
      excludeWords: ["advertisement"],
    });
    expect(set).toMatchObject({
      includeWords: ["election", "выбор*"],
      excludeWords: ["advertisement"],
    });
    body = rss(LATER);
    await feeds.pollAll();
    expect(titles(queued)).toEqual(["Выборы в городской совет"]);
    expect(db.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(5);
  });

  it("keeps rules across a reload and changes only what is given", async () => {
    const { feed } = await feeds.addFeed(server.url("/rss"));
    feeds.setRules(feed.id, { storeOnly: true, excludeWords: ["weather"] });
    feeds.setRules(feed.id, { paused: true });
    expect(feeds.findFeed(feed.id)).toMatchObject({
      storeOnly: true,
      paused: true,
      includeWords: [],
      excludeWords: ["weather"],
    });
    expect(() => feeds.setRules(999, { paused: true })).toThrow(FeedNotFoundError);
  });

  it("does not fetch a paused feed until polling is turned on again", async () => {
    const { feed } = await feeds.addFeed(server.url("/rss"));
    feeds.setRules(feed.id, { paused: true });
    const requests = server.requests.length;
    body = rss(LATER);
    expect(await feeds.pollDue()).toEqual([]);
    expect(await feeds.pollAll()).toEqual([]);
    expect(server.requests).toHaveLength(requests);
    feeds.setRules(feed.id, { paused: false });
    const [result] = await feeds.pollAll();
    expect(result).toMatchObject({ status: "ok", created: 4 });
  });
});
