import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentHash, normaliseForHash } from "../../src/articles/content-hash.js";
import { hasSharedFixtures, SHARED_FIXTURES } from "../support/fixtures.js";

/** The definition the fast scan must keep to (a changed form would change stored hashes). */
function byDefinition(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .join(" ")
    .replace(/ё/g, "е");
}

function fixtureTexts(dir: string): string[] {
  const texts: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) texts.push(...fixtureTexts(path));
    else if (statSync(path).size < 5_000_000) texts.push(readFileSync(path, "utf8"));
  }
  return texts;
}

describe("the content fingerprint", () => {
  it("keeps words and digits only, lower case, ё as е, whatever the spacing and punctuation", () => {
    expect(normaliseForHash("  Ёлки-палки!\n\nCafé  №5, ﬁnal ＡＢＣ 😀 𝐀𝐁 ")).toBe(
      "елки палки café no5 final abc ab",
    );
    expect(contentHash("Headline", "Some  text.")).toBe(contentHash("headline!", "some text"));
    expect(contentHash("Headline", "Some text")).not.toBe(contentHash("Headline", "Other text"));
  });

  it.skipIf(!hasSharedFixtures)(
    "is the same as its definition over every shared fixture (skipped when ../shared is missing)",
    () => {
      const texts = fixtureTexts(SHARED_FIXTURES);
      expect(texts.length).toBeGreaterThan(20);
      for (const text of texts) expect(normaliseForHash(text)).toBe(byDefinition(text));
    },
  );
});
