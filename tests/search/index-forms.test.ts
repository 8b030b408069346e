import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFormMemory, hashOf } from "../../src/search/form-memory.js";
import { createIndexForms, indexTextOf } from "../../src/search/index-functions.js";
import { hasSharedFixtures, SHARED_FIXTURES } from "../support/fixtures.js";

function textsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textsUnder(path);
    return statSync(path).size < 5_000_000 ? [readFileSync(path, "utf8")] : [];
  });
}

describe("index forms as the archive computes them", () => {
  it("are each word's index form, in order, for every language's stemmer", () => {
    const forms = createIndexForms();
    const text = "Улицы и улице: Running runs, ЁЛКА, café №5 — 😀 𝐀𝐁c";
    for (const language of ["en", "ru", "none"] as const) {
      expect(forms.formsOf(text, language)).toBe(indexTextOf(text, language));
      // Again, now from memory.
      expect(forms.formsOf(text, language)).toBe(indexTextOf(text, language));
    }
    expect(forms.formsOf(text, "ru")).toBe("улиц и улиц run run елк cafe no5 abc");
  });

  it.skipIf(!hasSharedFixtures)(
    "are the same as word-by-word over every shared fixture (skipped when ../shared is missing)",
    () => {
      const forms = createIndexForms();
      for (const text of textsUnder(SHARED_FIXTURES)) {
        for (const language of ["en", "ru", "none"] as const)
          expect(forms.formsOf(text, language)).toBe(indexTextOf(text, language));
      }
    },
  );

  it("reports each new form once for the vocabulary", () => {
    const forms = createIndexForms();
    forms.formsOf("runs running ran", "en");
    expect(forms.takeFreshTerms()).toEqual(["run", "ran"]);
    forms.formsOf("Runner runs", "en");
    expect(forms.takeFreshTerms()).toEqual(["runner"]);
  });
});

describe("the form memory", () => {
  it("finds a word where it stands in a text, and only that word", () => {
    const memory = createFormMemory(8);
    memory.remember("street", hashOf("street"), "street-form");
    const text = "a street, streets";
    expect(memory.find(text, 2, 8, hashOf("street"))).toBe("street-form");
    expect(memory.find(text, 10, 17, hashOf("streets"))).toBeUndefined();
    // A wrong hash, or a different word of the same length and hash, is not taken for it.
    expect(memory.find("street", 0, 6, hashOf("street") ^ 1)).toBeUndefined();
    expect(memory.find("strait", 0, 6, hashOf("street"))).toBeUndefined();
  });

  it("starts afresh past its limit and still answers right", () => {
    const memory = createFormMemory(2);
    expect(memory.remember("one", hashOf("one"), "1")).toBe(false);
    expect(memory.remember("two", hashOf("two"), "2")).toBe(false);
    // Full: it starts afresh.
    expect(memory.remember("three", hashOf("three"), "3")).toBe(true);
    expect(memory.find("one", 0, 3, hashOf("one"))).toBeUndefined();
    expect(memory.find("three", 0, 5, hashOf("three"))).toBe("3");
  });
});

describe("the form memory as it grows", () => {
  it("finds every word it remembered after growing many times over", () => {
    const memory = createFormMemory(50_000);
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    for (const word of words) memory.remember(word, hashOf(word), word.toUpperCase());
    for (const word of words)
      expect(memory.find(word, 0, word.length, hashOf(word))).toBe(word.toUpperCase());
    expect(memory.find("absent", 0, 6, hashOf("absent"))).toBeUndefined();
  });
});
