import { describe, expect, it } from "vitest";
import { createSearchRepository } from "../../src/db/search-repository.js";
import { createTermFrequency } from "../../src/search/term-frequency.js";
import { article, createArchive, NOW } from "./search-helpers.js";

describe("word frequency estimates", () => {
  it("are remembered for five minutes, then counted again", () => {
    const { db, articles } = createArchive();
    let clock = NOW;
    const frequency = createTermFrequency(createSearchRepository(db), () => clock);
    for (let i = 0; i < 3; i++) articles.store(article(`Walrus ${i}`, "On the ice."));
    expect(frequency.documentFrequency("walrus", 3)).toBe(3);
    articles.store(article("Walrus 3", "Back in the sea."));
    clock += 4 * 60_000;
    expect(frequency.documentFrequency("walrus", 4)).toBe(3);
    clock += 2 * 60_000;
    expect(frequency.documentFrequency("walrus", 4)).toBe(4);
  });
});
