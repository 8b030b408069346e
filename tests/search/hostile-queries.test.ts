import { describe, expect, it } from "vitest";
import { parseQuery } from "../../src/search/query.js";
import { article, createArchive } from "./search-helpers.js";

const HOSTILE = [
  "c++",
  "AND",
  "OR",
  "NOT",
  "NEAR",
  '"abc',
  "foo-bar",
  "it's",
  "*abc",
  "^x",
  "café:",
  "title:x",
  "(a",
  ")",
  "a\u0000b\u0007c\u001b[31m",
  "🔥📰 news 🚀",
  "x".repeat(5000),
  "word ".repeat(1000),
  "",
  "   ",
  "NEAR(a b, 2)",
  "a OR b NOT c",
  '""',
  "{title}: x",
  "body:news",
  "a*b",
  "-news",
  "+news",
  "'; DROP TABLE articles; --",
  "\u0301",
  "𞤀𞤁",
  "١٢٣",
  "\uE000news\uE001",
  "\ud800",
];

describe("any text a reader types", () => {
  const { articles, search } = createArchive();
  articles.store(
    article(
      "C language news",
      "It's a foo-bar story about café culture and the x factor, abc and a.",
    ),
  );
  articles.store(article("Title of a story", "The word title appears in the text, next to news."));

  it.each(HOSTILE.map((q) => [JSON.stringify(q).slice(0, 40), q]))(
    "gives results or none for %s",
    (_, q) => {
      const page = search.search(q, { limit: 5 });
      expect(Array.isArray(page.hits)).toBe(true);
      expect(typeof page.hasMore).toBe("boolean");
    },
  );

  it("gives an empty page for empty or punctuation-only input", () => {
    for (const q of ["", "   ", "!!!", "*", '""', "()", "🔥", "AND OR NOT"]) {
      expect(search.search(q).hits, q).toEqual([]);
    }
  });

  it("still finds the words inside hostile input", () => {
    expect(search.search("foo-bar").hits.map((h) => h.title)).toEqual(["C language news"]);
    expect(search.search("it's").hits.map((h) => h.title)).toEqual(["C language news"]);
    expect(search.search("café:").hits.map((h) => h.title)).toEqual(["C language news"]);
    expect(search.search('"abc').hits.map((h) => h.title)).toEqual(["C language news"]);
  });

  it("does not read title:x as a search in headlines only", () => {
    expect(search.search("title:news").hits.map((h) => h.title)).toEqual(["Title of a story"]);
    expect(search.search("title:language").hits).toEqual([]);
  });
});

describe("query cleaning", () => {
  it("keeps words, drops operators and symbols", () => {
    expect(parseQuery('NEAR("a" OR b*) ^c: d').terms).toEqual(["a", "b", "c", "d"]);
    expect(parseQuery("not or and").terms).toEqual(["not", "or", "and"]);
    expect(parseQuery("Ёж и ЁЖ").terms).toEqual(["еж", "и"]);
  });

  it("offers a prefix only for a last word still being typed", () => {
    expect(parseQuery("elec").lastIsPartial).toBe(true);
    expect(parseQuery("elec ").lastIsPartial).toBe(false);
    expect(parseQuery("c++").lastIsPartial).toBe(false);
  });
});
