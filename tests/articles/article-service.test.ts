import { describe, expect, it } from "vitest";
import type { ArticleInput } from "../../src/articles/article.js";
import { createArticleService, InvalidArticleError } from "../../src/articles/article-service.js";
import { canonicalUrl } from "../../src/articles/canonical-url.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import { createTestDb } from "../support/test-db.js";

function setup() {
  const db = createTestDb();
  let clock = 1_700_000_000_000;
  const service = createArticleService({
    db,
    articles: createArticlesRepository(db),
    now: () => clock++,
  });
  return { db, service };
}

const story = (over: Partial<ArticleInput> = {}): ArticleInput => ({
  title: "Rail strike called off",
  body: "Unions and the operator agreed on a new pay deal late on Tuesday.",
  ...over,
});

describe("the article archive", () => {
  it("stores a new article and says so", () => {
    const { service } = setup();
    const result = service.store(story({ url: "https://news.example/rail" }));
    expect(result.status).toBe("created");
    expect(result.article.id).toBeGreaterThan(0);
    expect(service.findById(result.article.id)?.title).toBe("Rail strike called off");
  });

  it("recognises the same guid from the same feed, and treats other feeds' guids apart", () => {
    const { db, service } = setup();
    db.prepare(
      "INSERT INTO feeds (id, url, created_at) VALUES (1, 'https://a.example/rss', 0), (2, 'https://b.example/rss', 0)",
    ).run();
    service.store(story({ guid: "item-1", feedId: 1 }));
    expect(service.store(story({ guid: "item-1", feedId: 1 })).status).toBe("duplicate");
    const other = service.store(
      story({ guid: "item-1", feedId: 2, title: "Other", body: "Different text entirely here." }),
    );
    expect(other.status).toBe("created");
  });

  it("recognises the same link with tracking parameters, www and a fragment, and never rewrites it", () => {
    const { service } = setup();
    const first = service.store(
      story({ url: "https://www.news.example/rail?id=7&utm_source=tg#top" }),
    );
    const again = service.store(
      story({ url: "http://news.example/rail/?utm_medium=x&id=7", title: "Rail strike off" }),
    );
    expect(again.status).toBe("duplicate");
    expect(service.count()).toBe(1);
    expect(service.findById(first.article.id)?.title).toBe("Rail strike called off");
  });

  it("recognises the same text pasted twice with different spacing and punctuation", () => {
    const { service } = setup();
    service.store(story());
    const again = service.store(
      story({
        title: "  RAIL strike called off!",
        body: "Unions and the operator agreed on a new pay deal, late on Tuesday",
      }),
    );
    expect(again.status).toBe("duplicate");
    expect(service.count()).toBe(1);
  });

  it("keeps the newest text when an article's own source (its guid) changes it, and notifies", () => {
    const { service } = setup();
    const updates: Array<[string, string]> = [];
    service.onUpdated((article, previous) => updates.push([previous.body, article.body]));
    const first = service.store(story({ guid: "rail-1", url: "https://news.example/rail" }));
    const second = service.store(
      story({
        guid: "rail-1",
        url: "https://news.example/rail",
        body: "Unions accepted the deal on Wednesday.",
      }),
    );
    expect(second.status).toBe("updated");
    expect(second.article.id).toBe(first.article.id);
    expect(second.article.body).toBe("Unions accepted the deal on Wednesday.");
    expect(second.article.updateCount).toBe(1);
    expect(second.article.publishedAt).toBe(first.article.publishedAt);
    expect(updates).toEqual([[first.article.body, "Unions accepted the deal on Wednesday."]]);
  });

  it("stores a new article public, or private when it is meant for the queue", () => {
    const { service } = setup();
    const archived = service.store(story());
    const queued = service.store(
      story({ title: "Embargoed", body: "Not before noon.", visibility: "private" }),
    );
    expect(archived.article.visibility).toBe("public");
    expect(service.findById(queued.article.id)?.visibility).toBe("private");
    expect(service.newest(5).map((a) => a.title)).toEqual(["Rail strike called off"]);
    expect(service.newest(5, 0, "all")).toHaveLength(2);
    expect(service.findVisible(queued.article.id)).toBeUndefined();
    expect(service.findVisible(queued.article.id, "all")?.title).toBe("Embargoed");
  });

  it("refuses an article without a headline and stores the rest of a batch", () => {
    const { service } = setup();
    expect(() => service.store(story({ title: "   " }))).toThrow(InvalidArticleError);
    const results = service.storeMany([
      story(),
      story({ title: "" }),
      story({ title: "Second", body: "Another body text." }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["created", "invalid", "created"]);
    expect(service.count()).toBe(2);
  });

  it("lists the newest articles first", () => {
    const { service } = setup();
    service.store(story({ title: "Old", body: "old body text", publishedAt: 1000 }));
    service.store(story({ title: "New", body: "new body text", publishedAt: 2000 }));
    expect(service.newest(5).map((a) => a.title)).toEqual(["New", "Old"]);
    expect(service.newest(1, 1).map((a) => a.title)).toEqual(["Old"]);
  });
});

describe("canonical URLs", () => {
  it.each([
    ["https://www.Example.com/a/?utm_source=x&b=2&a=1#frag", "example.com/a?a=1&b=2"],
    ["http://example.com:80/a", "example.com/a"],
    ["https://example.com/a?fbclid=1", "example.com/a"],
    ["ftp://example.com/a", null],
    ["not a url", null],
  ])("%s → %s", (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });
});
