import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { cutParagraphs } from "../../src/publishing/cut-text.js";
import { formatPost, MAX_TEXT_LENGTH } from "../../src/publishing/format-post.js";
import { buildArticle, FORMAT } from "./article-builder.js";

/** The text a reader sees for a post's HTML. */
function visibleText(html: string): string {
  let text = "";
  const parser = new Parser(
    {
      ontext: (t) => {
        text += t;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text;
}

/** The body as posted: between the headline's blank line and the "…" of the cut. */
function postedBody(html: string): string {
  const text = visibleText(html);
  const start = text.indexOf("\n\n") + 2;
  return text.slice(start, text.indexOf("…\nRead the full story"));
}

const ENDS_A_SENTENCE = /[.!?…]["”»)]?$/u;

describe("cutting a long post", () => {
  it("with 40 paragraphs, keeps whole paragraphs and never ends mid-sentence", () => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) =>
        `Paragraph ${i + 1} of the report describes how the tides rose along the coast overnight. ` +
        `Residents of the bay were told to stay inside until the water went down again.`,
    );
    const post = formatPost(buildArticle({ body: paragraphs.join("\n\n") }), FORMAT);
    const body = postedBody(post.html);
    expect(post.truncated).toBe(true);
    expect(visibleText(post.html).length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(body).toMatch(ENDS_A_SENTENCE);
    const kept = body.split("\n\n");
    // Every kept paragraph is whole, except that the last may hold only its first sentence.
    expect(kept.slice(0, -1)).toEqual(paragraphs.slice(0, kept.length - 1));
    expect(paragraphs[kept.length - 1]?.startsWith(kept.at(-1) ?? "-")).toBe(true);
    expect(body).not.toMatch(/Paragraph \d+ of$/);
  });

  it("adds the leading sentences of the next paragraph when they fit", () => {
    const body = cutParagraphs(["One whole paragraph.", "First. Second one. Third is long."], 40);
    expect(body).toBe("One whole paragraph.\n\nFirst. Second one.");
  });

  it("drops a later paragraph that has no sentence end short enough, instead of cutting words", () => {
    const noEnd = "a paragraph that goes on and on without ever reaching a full stop ".repeat(10);
    const body = cutParagraphs(["The first paragraph fits.", noEnd], 200);
    expect(body).toBe("The first paragraph fits.");
  });

  it("cuts a single giant paragraph at its last sentence end that fits", () => {
    const giant = Array.from(
      { length: 300 },
      (_, i) => `Sentence ${i + 1} reports one more detail of the long inquiry.`,
    ).join(" ");
    const post = formatPost(buildArticle({ body: giant }), FORMAT);
    const body = postedBody(post.html);
    expect(body).toMatch(/^Sentence 1 reports/);
    expect(body).toMatch(/Sentence \d+ reports one more detail of the long inquiry\.$/);
    expect(visibleText(post.html).length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
  });

  it("falls back to whole words only when not even the first sentence fits", () => {
    const noEnd = "words without any end ".repeat(400).trim();
    const post = formatPost(buildArticle({ body: noEnd }), FORMAT);
    const body = postedBody(post.html);
    expect(body.length).toBeGreaterThan(3000);
    expect(body).toMatch(/(words without any end )+words( without( any( end)?)?)?$/);
    expect(body.endsWith(" ")).toBe(false);
  });

  it("does not take an abbreviation or an initial for a sentence end", () => {
    const paragraph = "Dr. Smith met J. K. Rowling in the U.S. city. They talked for hours.";
    expect(cutParagraphs(["Intro.", paragraph], 50)).toBe("Intro.");
    expect(cutParagraphs(["Intro.", paragraph], 60)).toBe(
      "Intro.\n\nDr. Smith met J. K. Rowling in the U.S. city.",
    );
  });

  it("cuts Russian text at a sentence end", () => {
    const paragraph = Array.from(
      { length: 200 },
      (_, i) => `Власти города сообщили о мерах номер ${i + 1}. Жители довольны решением!`,
    ).join(" ");
    const post = formatPost(buildArticle({ body: paragraph, language: "ru" }), FORMAT);
    const body = postedBody(post.html);
    expect(post.truncated).toBe(true);
    expect(body).toMatch(/(?:\d\.|решением!)$/);
    expect(body).toMatch(/^Власти города сообщили о мерах номер 1\./);
  });

  it("never splits an emoji or a surrogate pair near the cut", () => {
    const sentence = "Fans cheered 🎉👍🏽 at the 𝒻𝒾𝓃𝒶𝓁 whistle 🇺🇦.";
    for (let pad = 0; pad < 6; pad++) {
      const paragraph = `${"x".repeat(pad)} ${Array.from({ length: 200 }, () => sentence).join(" ")}`;
      const post = formatPost(buildArticle({ body: paragraph }), FORMAT);
      const body = postedBody(post.html);
      expect(body).not.toMatch(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
      expect(body.endsWith("🇺🇦.")).toBe(true);
    }
  });

  it("cuts a first sentence of emoji only between graphemes", () => {
    const body = cutParagraphs(["🇺🇦👍🏽".repeat(50)], 25);
    expect(body).toBe("🇺🇦👍🏽".repeat(3)); // 8 units each: 24 fit, the 4th pair would not
  });
});
