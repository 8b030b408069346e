import { describe, expect, it } from "vitest";
import type { ArticleInput } from "../../src/articles/article.js";
import { openDatabase } from "../../src/db/connection.js";
import { loadMigrations, migrate } from "../../src/db/migrate.js";
import { createSearchService } from "../../src/search/search-service.js";
import { article, createArchive } from "./search-helpers.js";

const titlesFor = (search: ReturnType<typeof createArchive>["search"], q: string) =>
  search.search(q, { limit: 20 }).hits.map((h) => h.title);

describe("the search index follows the archive", () => {
  it("finds an article as soon as it is stored", () => {
    const { articles, search } = createArchive();
    articles.store(article("Harbour bridge reopens", "Traffic flows again over the harbour."));
    expect(titlesFor(search, "harbour")).toEqual(["Harbour bridge reopens"]);
  });

  it("forgets the old words and learns the new ones when an article's text changes", () => {
    const { articles, search } = createArchive();
    // The same guid: the article's own source changing its text.
    const input = article("Council vote", "The council postponed the budget vote.", 0, {
      guid: "council-vote",
    });
    articles.store(input);
    articles.store({ ...input, body: "The council approved the library funding." });
    expect(titlesFor(search, "postponed")).toEqual([]);
    expect(titlesFor(search, "library")).toEqual(["Council vote"]);
  });

  it("forgets a renamed headline", () => {
    const { db, articles, search } = createArchive();
    const { article: stored } = articles.store(article("Storm warning", "Wind expected tonight."));
    db.prepare("UPDATE articles SET title = ? WHERE id = ?").run("Gale warning", stored.id);
    expect(titlesFor(search, "storm")).toEqual([]);
    expect(titlesFor(search, "gale")).toEqual(["Gale warning"]);
  });

  it("drops a deleted article from the results", () => {
    const { db, articles, search } = createArchive();
    const { article: stored } = articles.store(
      article("Museum opens", "A new museum opens downtown."),
    );
    articles.store(article("Museum closes", "The old museum closes its doors."));
    db.prepare("DELETE FROM articles WHERE id = ?").run(stored.id);
    expect(titlesFor(search, "museum")).toEqual(["Museum closes"]);
    const integrity = db.prepare(
      "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
    );
    expect(() => integrity.run()).not.toThrow();
  });
});

describe("the index written by the archive itself", () => {
  it("indexes a whole batch in its own transaction, each article by its own words", () => {
    const { db, articles, search } = createArchive();
    articles.storeMany([
      article("Harbour bridge reopens", "Traffic flows again."),
      article("Улицы перекрыты", "На улице Ленина ремонт."),
      article("Library funding approved", "The council voted."),
    ]);
    expect(titlesFor(search, "bridges")).toEqual(["Harbour bridge reopens"]);
    expect(titlesFor(search, "улица")).toEqual(["Улицы перекрыты"]);
    expect(titlesFor(search, "fund")).toEqual(["Library funding approved"]);
    expect(db.prepare("SELECT count(*) FROM search_pending").pluck().get()).toBe(0);
    const integrity = db.prepare(
      "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
    );
    expect(() => integrity.run()).not.toThrow();
  });

  it("leaves nothing of a batch that failed half-way, even under the ids reused next", () => {
    const { db, articles, search } = createArchive();
    const failing = {
      get title(): string {
        throw new Error("the source broke mid-batch");
      },
    } as unknown as ArticleInput;
    expect(() =>
      articles.storeMany([article("Lighthouse repainted", "Volunteers worked all week."), failing]),
    ).toThrow("the source broke mid-batch");
    expect(db.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(0);
    // The next article gets the id the rolled-back one had.
    articles.store(article("Harbour opens", "Boats return."));
    expect(titlesFor(search, "lighthouse")).toEqual([]);
    expect(titlesFor(search, "volunteers")).toEqual([]);
    expect(titlesFor(search, "harbour")).toEqual(["Harbour opens"]);
  });

  it("indexes the last version when one batch brings an article twice (the same guid)", () => {
    const { articles, search } = createArchive();
    const first = article("Budget vote", "The council postponed the vote.", 0, { guid: "vote" });
    const results = articles.storeMany([
      first,
      { ...first, body: "The council approved the library funding." },
    ]);
    expect(results.map((r) => r.status)).toEqual(["created", "updated"]);
    expect(titlesFor(search, "postponed")).toEqual([]);
    expect(titlesFor(search, "library")).toEqual(["Budget vote"]);
  });

  it("knows the words of a stored article as completions of a half-typed word", () => {
    const { articles, search } = createArchive();
    articles.storeMany([article("Referendum called", "Voters decide in spring.")]);
    expect(titlesFor(search, "refere")).toEqual(["Referendum called"]);
  });
});

describe("upgrading an archive", () => {
  it("indexes the articles stored before search existed", () => {
    const db = openDatabase(":memory:");
    migrate(
      db,
      loadMigrations().filter((m) => m.version === 1),
    );
    db.prepare(
      "INSERT INTO articles (title, body, published_at, created_at, content_hash) VALUES (?, ?, 0, 0, 'h')",
    ).run("Old lighthouse restored", "Volunteers repainted it.");
    migrate(db);
    const hits = createSearchService(db).search("lighthouse").hits;
    expect(hits.map((h) => h.title)).toEqual(["Old lighthouse restored"]);
  });
});

describe("matching words", () => {
  it("matches English words by their stem", () => {
    const { articles, search } = createArchive();
    articles.store(article("Marathon day", "Thousands were running through the city."));
    expect(titlesFor(search, "run")).toEqual(["Marathon day"]);
    expect(titlesFor(search, "runs")).toEqual(["Marathon day"]);
  });

  it("treats the last word as the start of a word being typed", () => {
    const { articles, search } = createArchive();
    articles.store(article("Election night", "Polls closed at eight."));
    expect(titlesFor(search, "elec")).toEqual(["Election night"]);
    expect(titlesFor(search, "polls eig")).toEqual(["Election night"]);
    expect(titlesFor(search, "elec ")).toEqual([]);
  });

  it("finds Russian words whatever their case and whether written with ё or е", () => {
    const { articles, search } = createArchive();
    articles.store(article("Ёлка на площади", "В Москве зажгли ёлку."));
    articles.store(article("Еще один концерт", "Оркестр сыграет еще раз."));
    for (const q of ["ёлка", "елка", "ЁЛКА", "ЕЛКА", "Ёлку"]) {
      expect(titlesFor(search, q), q).toContain("Ёлка на площади");
    }
    expect(titlesFor(search, "ещё")).toEqual(["Еще один концерт"]);
    expect(titlesFor(search, "москве")).toEqual(["Ёлка на площади"]);
  });

  it("finds words with accents typed without them", () => {
    const { articles, search } = createArchive();
    articles.store(article("Le café du coin", "Un café très apprécié."));
    expect(titlesFor(search, "cafe")).toEqual(["Le café du coin"]);
  });
});

describe("merging the index after a bulk import", () => {
  it("finds the same articles, in the same order, after the merge", async () => {
    const { articles, search } = createArchive();
    for (let i = 0; i < 30; i++) {
      articles.store(article(`Harbour report ${i}`, `Ferry number ${i} sailed on time.`));
    }
    const before = search.search("ferry", { limit: 50 }).hits.map((h) => h.id);
    await search.optimizeIndex();
    expect(before).toHaveLength(30);
    expect(search.search("ferry", { limit: 50 }).hits.map((h) => h.id)).toEqual(before);
  });
});
