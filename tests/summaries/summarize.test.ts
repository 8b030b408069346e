import { describe, expect, it } from "vitest";
import { summarize } from "../../src/summaries/index.js";

const FLOODS = [
  "Heavy rain flooded the river town of Elmford on Tuesday, forcing 2,000 residents from their homes.",
  "The river rose 3.5 metres in six hours, the highest level since records began in 1901.",
  '"I have never seen water move this fast," said one shop owner.',
  "Emergency crews used boats to reach families trapped in the flooded streets of Elmford.",
  "The mayor said the town's flood barriers had failed after the river rose faster than forecast.",
  "Local schools will stay closed until Friday.",
  "A football match planned for the weekend was called off.",
  "Forecasters expect more rain over the river valley on Thursday, and residents were told to stay away.",
].join(" ");

describe("summarize", () => {
  it("returns the requested number of sentences, in the article's order", () => {
    const summary = summarize(FLOODS, { sentences: 3 });
    expect(summary).toHaveLength(3);
    const positions = summary.map((s) => FLOODS.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("opens with the lead of a news story", () => {
    expect(summarize(FLOODS, { sentences: 2 })[0]).toMatch(/^Heavy rain flooded/);
  });

  it("keeps within a character budget", () => {
    for (const maxChars of [60, 120, 250, 400]) {
      const summary = summarize(FLOODS, { maxChars });
      expect(summary.join(" ").length).toBeLessThanOrEqual(maxChars);
      expect(summary.length).toBeGreaterThan(0);
    }
  });

  it("closes a character-budget summary at the first ranked sentence that does not fit", () => {
    // The lead (97 chars) fits; the next ranked one does not, and the short "Local schools…" is not slipped in.
    const summary = summarize(FLOODS, { maxChars: 150 });
    expect(summary).toEqual([
      "Heavy rain flooded the river town of Elmford on Tuesday, forcing 2,000 residents from their homes.",
    ]);
  });

  it("cuts a single over-long sentence at a word boundary rather than returning nothing", () => {
    const [only] = summarize(FLOODS, { maxChars: 40 });
    expect(only).toMatch(/^Heavy rain flooded the river town of…$/);
  });

  it("never repeats a sentence that the text repeats", () => {
    const repeated = `${FLOODS} ${FLOODS}`;
    const summary = summarize(repeated, { sentences: 5 });
    expect(new Set(summary).size).toBe(summary.length);
  });

  it("prefers the sentence that matches the headline when it is close to the lead", () => {
    const summary = summarize(FLOODS, {
      sentences: 2,
      title: "Elmford flood barriers failed, mayor says",
    });
    expect(summary).toContain(
      "The mayor said the town's flood barriers had failed after the river rose faster than forecast.",
    );
  });

  it("leaves out a headline repeated in the body and the channel's call to action", () => {
    const text = `Elmford flooded\n\n${FLOODS}\n\nread more in our Telegram-channel`;
    const summary = summarize(text, { sentences: 10, title: "Elmford flooded" });
    expect(summary).not.toContain("Elmford flooded");
    expect(summary.join(" ")).not.toMatch(/telegram/i);
  });

  it("handles empty, one-sentence and unpunctuated texts", () => {
    expect(summarize("")).toEqual([]);
    expect(summarize("   \n\n ")).toEqual([]);
    expect(summarize("The bridge reopened on Monday.", { sentences: 3 })).toEqual([
      "The bridge reopened on Monday.",
    ]);
    expect(summarize("breaking the bridge reopened on monday after repairs")).toEqual([
      "breaking the bridge reopened on monday after repairs",
    ]);
    expect(summarize(FLOODS, { sentences: 0 })).toEqual([]);
  });

  it("summarises a very long text from its opening part without failing", () => {
    const long = Array.from(
      { length: 20_000 },
      (_, i) => `Paragraph ${i} reports on the river level.`,
    ).join(" ");
    const summary = summarize(long, { sentences: 2 });
    expect(summary).toHaveLength(2);
    expect(summary[0]).toBe("Paragraph 0 reports on the river level.");
  });

  it("summarises Russian text", () => {
    const text =
      "В Елмфорде после ливня затопило центр города, из домов эвакуировали 2 тыс. человек. " +
      "Уровень реки поднялся на 3,5 м за шесть часов. «Такого я не видел», — сказал владелец магазина. " +
      "Мэр заявил, что городские дамбы не выдержали напора воды.";
    const summary = summarize(text, { sentences: 2 });
    expect(summary).toHaveLength(2);
    expect(summary[0]).toMatch(/^В Елмфорде после ливня/);
  });
});
