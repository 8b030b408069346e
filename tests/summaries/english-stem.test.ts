import { describe, expect, it } from "vitest";
import { stemEnglish } from "../../src/summaries/english-stem.js";
import { contentTerms } from "../../src/summaries/terms.js";

describe("stemEnglish", () => {
  it("makes inflected forms of a word fall together", () => {
    const families = [
      ["flood", "floods", "flooded", "flooding"],
      ["rate", "rated", "rating", "rates"],
      ["body", "bodies"],
      ["try", "tries", "tried"],
      ["stop", "stopped", "stopping", "stops"],
      ["box", "boxes"],
      ["watch", "watches", "watched"],
      ["election", "elections"],
      ["club", "club's", "clubs"],
    ];
    for (const family of families) {
      const stems = new Set(family.map(stemEnglish));
      expect(stems.size, family.join("/")).toBe(1);
    }
  });

  it("keeps apart words that only share a beginning", () => {
    expect(stemEnglish("government")).not.toBe(stemEnglish("governor"));
    expect(stemEnglish("news")).not.toBe(stemEnglish("newspaper"));
  });

  it("leaves short words, double-s words and words without a vowel alone", () => {
    for (const word of ["bus", "was", "his", "status", "class", "bbc"]) {
      expect(stemEnglish(word)).toBe(word);
    }
  });
});

describe("contentTerms", () => {
  it("stems English words and drops function words", () => {
    expect(contentTerms("The rivers flooded the towns")).toEqual(["river", "flood", "town"]);
  });

  it("keeps Russian words, cut to a common prefix", () => {
    expect(contentTerms("Цены на нефть и добыча нефти")).toEqual([
      "цены",
      "нефть",
      "добыча",
      "нефти",
    ]);
    expect(contentTerms("правительство правительства")).toEqual(["правит", "правит"]);
  });
});
