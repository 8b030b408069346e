import { describe, expect, it } from "vitest";
import { parseTelegramHtml } from "../../../src/sandbox/fake-bot-api.js";
import { type BotHarness, startBotHarness } from "../../support/bot-harness.js";
import { inlineQuery, READER, RUSSIAN_READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { addArticle, addArticles, SEED_TIME } from "./reader-support.js";

const startHarness = closedAfterEach(startBotHarness);

interface ArticleResult {
  type: string;
  id: string;
  title: string;
  description?: string;
  url?: string;
  input_message_content: { message_text: string; parse_mode?: string };
}

/** The last answerInlineQuery call: its results and options, as Telegram received them. */
function lastInlineAnswer(h: BotHarness) {
  const call = h.fake.callsTo("answerInlineQuery").at(-1);
  if (!call) throw new Error("the bot did not answer the inline query");
  const raw = call.payload.results;
  const results = (typeof raw === "string" ? JSON.parse(raw) : raw) as ArticleResult[];
  return { ok: call.ok, results, payload: call.payload };
}

describe("inline mode", () => {
  it("answers an empty query with the latest twenty, and offers the next twenty", async () => {
    const harness = await startHarness();
    addArticles(harness, 25);
    await harness.send(inlineQuery("", { from: READER }));
    const first = lastInlineAnswer(harness);
    expect(first.ok).toBe(true);
    expect(first.results).toHaveLength(20);
    expect(first.results[0]!.title).toBe("Story 25 of 25");
    expect(first.payload.next_offset).toBe("20");
    expect(Number(first.payload.cache_time)).toBeLessThanOrEqual(30);

    await harness.send(inlineQuery("", { from: READER, offset: "20" }));
    const rest = lastInlineAnswer(harness);
    expect(rest.results.map((r) => r.title)).toEqual([
      "Story 5 of 25",
      "Story 4 of 25",
      "Story 3 of 25",
      "Story 2 of 25",
      "Story 1 of 25",
    ]);
    expect(rest.payload.next_offset ?? "").toBe("");
  });

  it("gives each result a unique short id, the lead as description and a short house-style post", async () => {
    const harness = await startHarness({ env: { CHANNEL_URL: "https://t.me/newsroom_test" } });
    addArticle(harness, {
      title: "Harbour <closes> for storm & repairs",
      body: "The harbour closed on Friday as a storm approached the coast. Ferries will not sail until Monday. Repairs follow.",
      url: "https://news.example/harbour",
      publishedAt: SEED_TIME,
      source: "Coast Desk",
    });
    addArticles(harness, 3);
    await harness.send(inlineQuery("", { from: READER }));
    const { results } = lastInlineAnswer(harness);
    const ids = results.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => Buffer.byteLength(id) >= 1 && Buffer.byteLength(id) <= 64)).toBe(true);

    const harbour = results.find((r) => r.title.startsWith("Harbour"))!;
    expect(harbour.type).toBe("article");
    expect(harbour.title).toBe("Harbour <closes> for storm & repairs");
    expect(harbour.description).toBe(
      "The harbour closed on Friday as a storm approached the coast.",
    );
    const shared = parseTelegramHtml(harbour.input_message_content.message_text);
    expect(shared.text).toBe(
      [
        "Harbour <closes> for storm & repairs",
        "",
        "The harbour closed on Friday as a storm approached the coast.",
        "",
        "9:58 23.02.2023 · Coast Desk",
        "Read the full story",
        "read more in our Telegram-channel",
      ].join("\n"),
    );
    const links = shared.entities.filter((e) => e.type === "text_link").map((e) => e.url);
    expect(links).toEqual(["https://news.example/harbour", "https://t.me/newsroom_test"]);
  });

  it("labels the shared post's link in Russian for a Russian reader", async () => {
    const harness = await startHarness();
    addArticles(harness, 1);
    await harness.send(inlineQuery("", { from: RUSSIAN_READER }));
    const [result] = lastInlineAnswer(harness).results;
    expect(parseTelegramHtml(result!.input_message_content.message_text).text).toContain(
      "Читать полностью",
    );
  });

  it("treats a forged offset as the first page", async () => {
    const harness = await startHarness();
    addArticles(harness, 3);
    await harness.send(inlineQuery("", { from: READER, offset: "-5; DROP TABLE" }));
    expect(lastInlineAnswer(harness).results.map((r) => r.title)).toEqual([
      "Story 3 of 3",
      "Story 2 of 3",
      "Story 1 of 3",
    ]);
  });

  it("answers (with no results) when the archive is empty", async () => {
    const harness = await startHarness();
    await harness.send(inlineQuery("", { from: READER }));
    const answer = lastInlineAnswer(harness);
    expect(answer.ok).toBe(true);
    expect(answer.results).toEqual([]);
  });
});
