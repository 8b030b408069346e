import { describe, expect, it } from "vitest";
import { rougeL, rougeLsum, rougeN, rougeTokens } from "../../src/summaries/index.js";

describe("ROUGE", () => {
  it("tokenises lower-case letters and digits, Cyrillic included, dropping punctuation", () => {
    expect(rougeTokens("The U.S. rose 3.5%; «Нефть» ВЫРОСЛА!")).toEqual([
      "the",
      "u",
      "s",
      "rose",
      "3",
      "5",
      "нефть",
      "выросла",
    ]);
  });

  // reference: the cat sat on the mat (6 tokens); candidate: the cat on the mat (5 tokens)
  it("counts clipped unigram and bigram overlap (computed by hand)", () => {
    const r1 = rougeN("The cat on the mat", "the cat sat on the mat", 1);
    // 5 shared unigrams: P = 5/5, R = 5/6, F = 10/11
    expect(r1.precision).toBeCloseTo(1, 10);
    expect(r1.recall).toBeCloseTo(5 / 6, 10);
    expect(r1.f1).toBeCloseTo(10 / 11, 10);
    const r2 = rougeN("The cat on the mat", "the cat sat on the mat", 2);
    // shared bigrams: "the cat", "on the", "the mat": P = 3/4, R = 3/5, F = 2/3
    expect(r2.precision).toBeCloseTo(3 / 4, 10);
    expect(r2.recall).toBeCloseTo(3 / 5, 10);
    expect(r2.f1).toBeCloseTo(2 / 3, 10);
  });

  it("clips repeated words to their count in the reference", () => {
    // candidate "the the the" vs reference "the cat": 1 hit, P = 1/3, R = 1/2, F = 0.4
    expect(rougeN("the the the", "the cat", 1).f1).toBeCloseTo(0.4, 10);
  });

  it("scores ROUGE-L on the longest common subsequence, not on contiguous runs", () => {
    // LCS of "a b c d e" and "a x c y e" is "a c e": P = R = F = 3/5
    expect(rougeL("a x c y e", "a b c d e").f1).toBeCloseTo(3 / 5, 10);
    // reversed order keeps only one word in sequence: 1/3
    expect(rougeL("c b a", "a b c").f1).toBeCloseTo(1 / 3, 10);
  });

  it("scores summary-level ROUGE-L with the union of LCS hits (Lin 2004 example)", () => {
    // r = w1 w2 w3 w4 w5; c1 = w1 w2 w6 w7 w8; c2 = w1 w3 w8 w9 w5
    // union LCS = {w1 w2} ∪ {w1 w3 w5} = 4 hits: R = 4/5, P = 4/10, F = 8/15
    const score = rougeLsum(["w1 w2 w6 w7 w8", "w1 w3 w8 w9 w5"], ["w1 w2 w3 w4 w5"]);
    expect(score.recall).toBeCloseTo(4 / 5, 10);
    expect(score.precision).toBeCloseTo(4 / 10, 10);
    expect(score.f1).toBeCloseTo(8 / 15, 10);
  });

  it("gives zero, not NaN, for empty candidates or references", () => {
    expect(rougeN("", "the cat", 1).f1).toBe(0);
    expect(rougeL("the cat", "").f1).toBe(0);
    expect(rougeLsum([], ["the cat"]).f1).toBe(0);
  });

  it("matches Russian words by their exact form", () => {
    // 3 of 4 words shared in each direction: F = 3/4
    expect(rougeN("нефть вытекла в болото", "нефть вытекла в реку", 1).f1).toBeCloseTo(3 / 4, 10);
  });
});
