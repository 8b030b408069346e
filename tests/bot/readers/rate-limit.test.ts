import { describe, expect, it } from "vitest";
import { startBotHarness } from "../../support/bot-harness.js";
import {
  callbackQuery,
  inlineQuery,
  privateMessage,
  READER,
  RUSSIAN_READER,
} from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { addArticles, callbackAnswers, lastMessage } from "./reader-support.js";

const startHarness = closedAfterEach(startBotHarness);

const SLOW_DOWN =
  "You are sending requests faster than I can answer. Please wait a moment and try again.";

/** A harness whose clock the test moves, with a small limit: 3 expensive requests in 10 s. */
async function limitedHarness() {
  let clock = Date.UTC(2024, 0, 1);
  const h = await startHarness({
    deps: () => ({
      now: () => clock,
      rateLimit: { limit: 3, windowMs: 10_000, inlineLimit: 4 },
    }),
  });
  addArticles(h, 8);
  return { h, advance: (ms: number) => (clock += ms) };
}

describe("the per-reader rate limit", () => {
  it("tells a flooding reader once to slow down, then stays quiet until the window passes", async () => {
    const { h, advance } = await limitedHarness();
    for (let i = 0; i < 10; i++) await h.send(privateMessage("/latest", { from: READER }));
    const texts = h.fake.messages(READER.id).map((m) => m.text);
    expect(texts.filter((t) => t.startsWith("Latest articles"))).toHaveLength(3);
    expect(texts.filter((t) => t === SLOW_DOWN)).toHaveLength(1);
    expect(texts).toHaveLength(4);

    advance(10_001);
    await h.send(privateMessage("/latest", { from: READER }));
    expect(lastMessage(h, READER.id).text).toMatch(/^Latest articles/);
  });

  it("leaves other readers unaffected while one floods", async () => {
    const { h } = await limitedHarness();
    for (let i = 0; i < 6; i++) await h.send(privateMessage("/summary", { from: READER }));
    await h.send(privateMessage("/latest", { from: RUSSIAN_READER }));
    expect(lastMessage(h, RUSSIAN_READER.id).text).toMatch(/^Свежие статьи/);
  });

  it("says slow down in the reader's language", async () => {
    const { h } = await limitedHarness();
    for (let i = 0; i < 5; i++) await h.send(privateMessage("/latest", { from: RUSSIAN_READER }));
    expect(lastMessage(h, RUSSIAN_READER.id).text).toBe(
      "Вы отправляете запросы быстрее, чем я успеваю отвечать. Подождите немного и попробуйте снова.",
    );
  });

  it("does not count cheap commands such as /help", async () => {
    const { h } = await limitedHarness();
    for (let i = 0; i < 6; i++) await h.send(privateMessage("/help", { from: READER }));
    expect(h.fake.messages(READER.id).every((m) => m.text.startsWith("What I can do"))).toBe(true);
    expect(h.fake.messages(READER.id)).toHaveLength(6);
  });

  it("answers every paging button over the limit with a short notice, so no button spins", async () => {
    const { h } = await limitedHarness();
    await h.send(privateMessage("/latest 2", { from: READER }));
    const list = lastMessage(h, READER.id);
    for (let i = 0; i < 4; i++)
      await h.send(callbackQuery("l:2:2", { from: READER, message: list }));
    expect(callbackAnswers(h)).toEqual([
      "",
      "",
      "Too many requests, please wait a moment.",
      "Too many requests, please wait a moment.",
    ]);
  });

  it("answers inline queries over the limit with no results rather than leaving them hanging", async () => {
    const { h } = await limitedHarness();
    for (let i = 0; i < 6; i++) await h.send(inlineQuery("", { from: READER }));
    const answers = h.fake.callsTo("answerInlineQuery");
    expect(answers).toHaveLength(6);
    const counts = answers.map((c) => {
      const raw = c.payload.results;
      return ((typeof raw === "string" ? JSON.parse(raw) : raw) as unknown[]).length;
    });
    expect(counts).toEqual([8, 8, 8, 8, 0, 0]);
  });
});
