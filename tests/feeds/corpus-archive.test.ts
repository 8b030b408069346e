import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createArticleService } from "../../src/articles/article-service.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import { identifyItems } from "../../src/feeds/item-identity.js";
import { readFeed } from "../../src/feeds/read-feed.js";
import { storeFetch } from "../../src/feeds/store-fetch.js";
import {
  hasSharedFixtures,
  SHARED_FIXTURES,
  SHARED_FIXTURES_MISSING,
} from "../support/fixtures.js";
import { createTestDb } from "../support/test-db.js";

const FEEDS = join(SHARED_FIXTURES, "feeds");
const NOT_FEEDS = new Set(["messy/not_a_feed_html.rss", "messy/hackernews_malformed.xml"]);

function corpusFiles(): string[] {
  if (!hasSharedFixtures) return [];
  return readdirSync(FEEDS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(FEEDS, d.name)).map((f) => `${d.name}/${f}`))
    .filter((file) => !NOT_FEEDS.has(file))
    .sort();
}

describe.skipIf(!hasSharedFixtures)(
  `the archive over the shared feed corpus (${hasSharedFixtures ? FEEDS : SHARED_FIXTURES_MISSING})`,
  () => {
    it.each(corpusFiles())("%s: every item the parser reads is its own article", (file) => {
      const parsed = readFeed(readFileSync(join(FEEDS, file)), {
        feedUrl: `https://feeds.example.com/${file}`,
      });
      const db = createTestDb();
      db.prepare(
        "INSERT INTO feeds (id, url, created_at) VALUES (1, 'https://f.example/', 0)",
      ).run();
      const articles = createArticleService({ db, articles: createArticlesRepository(db) });
      const stored = storeFetch(articles, parsed, {
        feedId: 1,
        canQueue: false,
        plan: { kind: "later", notBefore: 0 },
      });
      // Only a guid listed twice in one fetch is one item; nothing else may be merged.
      const listings = parsed.items.length;
      const items = identifyItems(parsed.items).length;
      const repeatedGuids = listings - items;
      const sameGuidTwice = parsed.items.filter(
        (item, i) => item.guid && parsed.items.findIndex((o) => o.guid === item.guid) !== i,
      ).length;
      expect(repeatedGuids).toBe(sameGuidTwice);
      expect(stored.created + stored.refused.length).toBe(items);
      expect(db.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(stored.created);
    });
  },
);
