import { describe, expect, it } from "vitest";
import { PastedTextError, parsePastedText } from "../../src/articles/parse-pasted-text.js";

const options = { timezone: "Europe/Moscow", footerLines: ["read more in our Telegram-channel"] };

const SAMPLE = `Harbour bridge reopens after repairs

14:05 01.03.2024 •

The city's harbour bridge reopened on Friday after six months of repairs, writes Coastal Times.

Engineers replaced 40 steel cables and the road surface.

Traffic is expected to return to normal by Monday.

read more in our Telegram-channel`;

describe("parsing pasted article text", () => {
  it("reads headline, time line in the newsroom's zone, paragraphs and source, and drops the footer", () => {
    const article = parsePastedText(SAMPLE, options);
    expect(article.title).toBe("Harbour bridge reopens after repairs");
    expect(new Date(article.publishedAt!).toISOString()).toBe("2024-03-01T11:05:00.000Z");
    expect(article.body.split("\n\n")).toHaveLength(3);
    expect(article.body).not.toMatch(/Telegram-channel/);
    expect(article.source).toBe("Coastal Times");
    expect(article.language).toBe("en");
  });

  it("works without a time line, with Windows line ends and a BOM", () => {
    const text = "\uFEFFShort headline\r\n\r\nA body paragraph that is long enough to keep.\r\n";
    const article = parsePastedText(text, options);
    expect(article.title).toBe("Short headline");
    expect(article.publishedAt).toBeNull();
    expect(article.body).toBe("A body paragraph that is long enough to keep.");
  });

  it("reads Russian text, its source and a Russian call to action", () => {
    const text = `Мосты разведут раньше обычного\n\n23:10 15.05.2024\n\nНавигация откроется на неделю раньше, пишет Фонтанка.\n\nЧитайте нас в Telegram-канале`;
    const article = parsePastedText(text, options);
    expect(article.language).toBe("ru");
    expect(article.source).toBe("Фонтанка");
    expect(article.body).toBe("Навигация откроется на неделю раньше, пишет Фонтанка.");
  });

  it("keeps an impossible date line as text rather than inventing a time", () => {
    const article = parsePastedText(
      "Headline\n\n25:99 31.02.2023 •\n\nBody text of reasonable length here.",
      options,
    );
    expect(article.publishedAt).toBeNull();
    expect(article.body.startsWith("25:99")).toBe(true);
  });

  it.each([
    ["", /empty/],
    ["   \n\n  ", /empty/],
    ["Only a headline", /too short/],
    ["read more in our Telegram-channel", /nothing but a call-to-action/],
    [`${"x".repeat(400)}\n\nbody body body body body`, /headline/],
    [`Headline\n\n${"a".repeat(100_001)}`, /limit is 100,000/],
    ["Head\u0000line\n\nbinary \u0001\u0002\u0003\u0004 stuff here", /binary/],
  ])("refuses %j with a reason", (input, reason) => {
    expect(() => parsePastedText(input, options)).toThrowError(PastedTextError);
    expect(() => parsePastedText(input, options)).toThrowError(reason);
  });
});
