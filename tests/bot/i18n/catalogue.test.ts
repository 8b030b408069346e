import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../../src/bot/i18n/index.js";
import { LOCALES } from "../../../src/i18n/locale.js";
import { plural } from "../../../src/i18n/plural.js";

/** Every key path of a catalogue entry: nested objects and arrays are walked, functions are leaves. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** Arguments for texts that take more than counts and words. */
const SPECIAL_ARGS: Record<string, unknown[]> = {
  stateName: ["queued"],
  articleProblem: [{ code: "too-short" }],
  feedProblem: [{ code: "html-page" }],
  opmlRefused: ["entities"],
  whenProblem: ["past", "x"],
  askWords: ["include", 3, "x"],
  wordsSaved: ["exclude", "x"],
  gapHtml: ["x", ["y", "z"]],
  feedCardHtml: [
    {
      id: 3,
      name: "x",
      url: "x",
      paused: true,
      storeOnly: true,
      include: "x",
      exclude: "x",
      lastFetch: "x",
      articles: 3,
      health: "x",
      lastError: "x",
    },
  ],
  opmlReportHtml: [{ added: ["x"], present: ["x"], refused: [{ url: "x", reason: "x" }] }],
};

/** Calls a text function with plausible arguments (numbers for counts, words for the rest). */
function sample(value: unknown, key = ""): string {
  if (typeof value !== "function") return String(value);
  const args =
    SPECIAL_ARGS[key] ?? Array.from({ length: value.length }, (_, i) => (i % 2 === 0 ? 3 : "x"));
  const out: unknown = value(...args);
  return typeof out === "string" ? out : JSON.stringify(out);
}

describe("the message catalogues", () => {
  for (const part of ["reader", "desk"] as const) {
    it(`has every ${part} key in every language (a key missing in one fails here)`, () => {
      const english = keyPaths(CATALOGUE.en[part]).sort();
      for (const locale of LOCALES) {
        expect(keyPaths(CATALOGUE[locale][part]).sort(), locale).toEqual(english);
      }
    });
  }

  it("has Russian texts that are really translated, not English left in place", () => {
    const en = CATALOGUE.en.desk as unknown as Record<string, unknown>;
    const ru = CATALOGUE.ru.desk as unknown as Record<string, unknown>;
    const untranslated = Object.keys(en).filter((key) => {
      if (key === "locale" || key === "deskHelp" || key === "menu") return false;
      const ruText = sample(ru[key], key);
      return ruText === sample(en[key], key) || !/[а-яё]/i.test(ruText);
    });
    expect(untranslated).toEqual([]);
    for (const [command, text] of Object.entries(CATALOGUE.ru.desk.menu)) {
      expect(/[а-яё]/i.test(text), command).toBe(true);
    }
  });

  it("keeps every menu description within Telegram's 1–256 characters", () => {
    for (const locale of LOCALES) {
      for (const text of Object.values(CATALOGUE[locale].desk.menu)) {
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(256);
      }
    }
  });
});

describe("plurals", () => {
  const article = { one: "статья", few: "статьи", many: "статей", other: "статьи" };

  it("follows Russian rules: 1 статья, 2 статьи, 5 статей, 11 статей, 21 статья, 22 статьи", () => {
    expect([1, 2, 5, 11, 21, 22, 111].map((n) => plural("ru", n, article))).toEqual([
      "1 статья",
      "2 статьи",
      "5 статей",
      "11 статей",
      "21 статья",
      "22 статьи",
      "111 статей",
    ]);
  });

  it("follows English rules and groups thousands per language", () => {
    const en = { one: "article", other: "articles" };
    expect([0, 1, 2, 1500].map((n) => plural("en", n, en))).toEqual([
      "0 articles",
      "1 article",
      "2 articles",
      "1,500 articles",
    ]);
    expect(plural("ru", 1500, article)).toBe("1\u00a0500 статей");
  });

  it("is used by the desk's counts", () => {
    expect(CATALOGUE.ru.desk.articles(1)).toBe("1 статья");
    expect(CATALOGUE.ru.desk.articles(3)).toBe("3 статьи");
    expect(CATALOGUE.ru.desk.articles(25)).toBe("25 статей");
    expect(CATALOGUE.en.desk.attempts(1)).toBe("1 attempt");
    expect(CATALOGUE.ru.desk.attempts(2)).toBe("2 попытки");
  });
});
