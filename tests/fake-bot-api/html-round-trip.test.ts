import { describe, expect, it } from "vitest";
import { parseTelegramHtml } from "../../src/sandbox/fake-bot-api.js";

/** Escapes text for Telegram HTML the way the bot must: & first, then < and >, and quotes. */
const escapeHtml = (s: string) =>
  s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

/** A small deterministic generator (no Math.random: a failure must be reproducible). */
function pseudoRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const ALPHABET = [
  "a",
  "Z",
  " ",
  "я",
  "Ё",
  "&",
  "<",
  ">",
  '"',
  "'",
  ";",
  "#",
  "👋",
  "🇷🇺",
  "\n",
  "é",
  "中",
];
const TAGS = ["b", "i", "u", "s", "code", "tg-spoiler", "blockquote"];

describe("escaped text survives Telegram's HTML parsing unchanged", () => {
  it("for 300 generated strings wrapped in one tag", () => {
    const next = pseudoRandom(42);
    for (let n = 0; n < 300; n++) {
      const length = 1 + Math.floor(next() * 40);
      const raw = Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(
        "",
      );
      const tag = TAGS[Math.floor(next() * TAGS.length)]!;
      const text = `x${raw}x`;
      const parsed = parseTelegramHtml(`<${tag}>${escapeHtml(text)}</${tag}>`);
      expect(parsed.text).toBe(text);
      expect(parsed.entities).toHaveLength(1);
      expect(parsed.entities[0]).toMatchObject({ offset: 0, length: text.length });
    }
  });

  it("and the same strings unescaped are refused whenever they hold a < or a stray &", () => {
    expect(() => parseTelegramHtml("x<y")).toThrow(/byte offset 1/);
    expect(() => parseTelegramHtml("Tom & Jerry")).toThrow(/byte offset 4/);
    expect(parseTelegramHtml("a > b").text).toBe("a > b");
  });
});
