import { describe, expect, it } from "vitest";
import { type BotHarness, startBotHarness } from "../../support/bot-harness.js";
import {
  callbackQuery,
  inlineQuery,
  privateMessage,
  READER,
  RUSSIAN_READER,
} from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import {
  addArticle,
  button,
  buttonsOf,
  callbackAnswers,
  lastMessage,
  linksOf,
  SEED_TIME,
  textsOf,
} from "./reader-support.js";
import { searchDeps } from "./search-support.js";

const startHarness = closedAfterEach(startBotHarness);

const HOUR = 3_600_000;
const start = () => startHarness({ deps: searchDeps });

/** `count` stories about the bridge, one an hour apart, oldest first. */
function addBridgeStories(h: BotHarness, count: number): void {
  for (let i = 1; i <= count; i++) {
    addArticle(h, {
      title: `Bridge report ${i}`,
      body: `Engineers inspected the bridge again on day ${i}. Traffic moved slowly.`,
      publishedAt: SEED_TIME + i * HOUR,
    });
  }
}

describe("/search", () => {
  it("shows hits with linked headlines, dates and snippets with the matched words bold", async () => {
    const harness = await start();
    addArticle(harness, {
      title: "Harbour closes for the storm",
      body: "The harbour closed on Friday as a storm approached. Ferries stay in port.",
      url: "https://news.example/harbour",
      publishedAt: SEED_TIME,
    });
    addArticle(harness, { title: "Bakery turns 100", body: "Cakes and bread for everyone." });
    await harness.send(privateMessage("/search ferries", { from: READER }));
    const page = lastMessage(harness, READER.id);
    expect(textsOf(page, "bold")[0]).toBe("Results for “ferries”");
    expect(linksOf(page)).toEqual([
      { text: "Harbour closes for the storm", url: "https://news.example/harbour" },
    ]);
    expect(textsOf(page, "italic")).toEqual(["9:58 23.02.2023"]);
    expect(page.text).toContain("Ferries stay in port.");
    expect(textsOf(page, "bold")).toContain("Ferries");
    expect(buttonsOf(page)).toEqual([]);
  });

  it("pages forward and back five at a time, editing one message", async () => {
    const harness = await start();
    addBridgeStories(harness, 12);
    await harness.send(privateMessage("/search bridge", { from: READER }));
    const first = lastMessage(harness, READER.id);
    expect(linksOf(first)).toHaveLength(5);
    expect(first.text).toContain("page 1");
    expect(buttonsOf(first).map((b) => b.text)).toEqual(["Next ▶"]);

    await harness.send(callbackQuery(button(first, "Next").data, { from: READER, message: first }));
    const second = lastMessage(harness, READER.id);
    expect(second.messageId).toBe(first.messageId);
    expect(second.text).toContain("page 2");
    expect(second.text).toMatch(/^6\. /m);
    expect(buttonsOf(second).map((b) => b.text)).toEqual(["◀ Previous", "Next ▶"]);

    await harness.send(
      callbackQuery(button(second, "Next").data, { from: READER, message: second }),
    );
    const third = lastMessage(harness, READER.id);
    expect(linksOf(third)).toHaveLength(2);
    expect(buttonsOf(third).map((b) => b.text)).toEqual(["◀ Previous"]);

    await harness.send(
      callbackQuery(button(third, "Previous").data, { from: READER, message: third }),
    );
    expect(lastMessage(harness, READER.id).text).toContain("page 2");
    const seen = new Set([first, second, third].flatMap((m) => linksOf(m).map((l) => l.text)));
    expect(seen.size).toBe(12);
    expect(callbackAnswers(harness)).toEqual(["", "", ""]);
    for (const b of [first, second, third].flatMap(buttonsOf)) {
      expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
    }
  });

  it("keeps a long query's buttons under 64 bytes, and says when they have expired", async () => {
    const harness = await start();
    const words = "электрические автобусы городской совет утвердил бюджет транспорта весной";
    for (let i = 1; i <= 7; i++) {
      addArticle(harness, { title: `Совет ${i}`, body: `${words}. Новость номер ${i}.` });
    }
    await harness.send(privateMessage(`/search ${words}`, { from: RUSSIAN_READER }));
    const first = lastMessage(harness, RUSSIAN_READER.id);
    const next = button(first, "Дальше");
    expect(Buffer.byteLength(next.data)).toBeLessThanOrEqual(64);
    await harness.send(callbackQuery(next.data, { from: RUSSIAN_READER, message: first }));
    expect(lastMessage(harness, RUSSIAN_READER.id).text).toContain("страница 2");

    // After a restart the bot no longer knows the long query behind the button.
    const db = harness.db;
    await harness.close();
    const restarted = await startHarness({ db, deps: searchDeps });
    await restarted.send(callbackQuery(next.data, { from: RUSSIAN_READER, message: first }));
    expect(callbackAnswers(restarted)).toEqual(["Этот поиск устарел. Отправьте /search ещё раз."]);
  });

  it("suggests a broader query when nothing is found", async () => {
    const harness = await start();
    addBridgeStories(harness, 2);
    await harness.send(privateMessage("/search zeppelin", { from: READER }));
    const reply = lastMessage(harness, READER.id);
    expect(reply.text).toBe(
      "Nothing found for “zeppelin”.\nTry fewer or more general words, or check the spelling.",
    );
    expect(textsOf(reply, "bold")).toEqual(["Nothing found for “zeppelin”."]);
  });

  it("shows how to search when the query is empty", async () => {
    const harness = await start();
    await harness.send(privateMessage("/search", { from: READER }));
    await harness.send(privateMessage("/search   ", { from: RUSSIAN_READER }));
    expect(lastMessage(harness, READER.id).text).toBe(
      "Send the words to look for after the command, for example: /search election results",
    );
    expect(lastMessage(harness, RUSSIAN_READER.id).text).toBe(
      "Напишите после команды слова для поиска, например: /search итоги выборов",
    );
  });

  const HOSTILE = [
    "c++",
    "AND",
    '"abc',
    "foo-bar",
    "it's",
    "*abc",
    "^x",
    "café:",
    "title:x",
    "(a",
    "<script>",
    "<b>bold</b> & <a href='x'>",
    "bridge\u0000\u0007\u001b[31m",
    "🌉🔥 bridge 👩‍👩‍👧",
    "🌉",
    `bridge ${"x".repeat(5_000)}`,
    "x".repeat(5_000),
    "NEAR(a b)",
    "a OR b NOT c",
    "'; DROP TABLE articles; --",
    "\u202Ebridge",
  ];

  it.each(HOSTILE.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length} chars)` : q, q]))(
    "answers the hostile query %j with a valid message",
    async (_label, query) => {
      const harness = await start();
      addBridgeStories(harness, 3);
      addArticle(harness, { title: "C++ and café: it's foo-bar <script> time", body: "Text." });
      await harness.send(privateMessage(`/search ${query}`, { from: READER }));
      const sends = harness.fake.callsTo("sendMessage");
      expect(sends).toHaveLength(1);
      expect(sends[0]!.ok).toBe(true);
      const reply = lastMessage(harness, READER.id);
      expect(reply.text.length).toBeLessThanOrEqual(4096);
      expect(reply.text).toMatch(/^(Results for|Nothing found for|Send the words)/);
      for (const b of buttonsOf(reply)) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
      expect(harness.db.prepare("SELECT count(*) AS n FROM articles").get()).toEqual({ n: 4 });
    },
  );

  it("shows a reader's markup back as text, not as formatting", async () => {
    const harness = await start();
    await harness.send(privateMessage("/search <b>bold</b> & <i>", { from: READER }));
    const reply = lastMessage(harness, READER.id);
    expect(reply.text).toContain("“<b>bold</b> & <i>”");
    expect(textsOf(reply, "bold")).toEqual(["Nothing found for “<b>bold</b> & <i>”."]);
  });

  it.each([
    "s:0:=bridge",
    "s:999:=bridge",
    "s:1:",
    "s:1:=",
    "s:1:=   ",
    "s:1:#",
    "s:1:#!!",
    "s:x:=y",
    "s:1",
  ])("answers forged search button data %j briefly and changes nothing", async (data) => {
    const harness = await start();
    addBridgeStories(harness, 7);
    await harness.send(privateMessage("/search bridge", { from: READER }));
    const before = lastMessage(harness, READER.id);
    await harness.send(callbackQuery(data, { from: READER, message: before }));
    expect(callbackAnswers(harness)).toHaveLength(1);
    expect(callbackAnswers(harness)[0]).toMatch(/no longer valid|expired/);
    expect(lastMessage(harness, READER.id)).toEqual(before);
  });

  it("answers a button whose page no longer exists without an error", async () => {
    const harness = await start();
    addBridgeStories(harness, 3);
    await harness.send(privateMessage("/search bridge", { from: READER }));
    const before = lastMessage(harness, READER.id);
    await harness.send(callbackQuery("s:40:=bridge", { from: READER, message: before }));
    expect(callbackAnswers(harness)).toEqual(["There is nothing further back."]);
    expect(lastMessage(harness, READER.id)).toEqual(before);
  });

  it("keeps a page of long headlines and snippets under Telegram's limit", async () => {
    const harness = await start();
    for (let i = 0; i < 6; i++) {
      addArticle(harness, {
        title: `${"Bridge bridge headline ".repeat(20)}${i}`,
        body: `${"The bridge and the bridge again and the bridge once more. ".repeat(40)}`,
      });
    }
    await harness.send(privateMessage("/search bridge", { from: READER }));
    const reply = lastMessage(harness, READER.id);
    expect(harness.fake.callsTo("sendMessage")[0]!.ok).toBe(true);
    expect(reply.text.length).toBeLessThanOrEqual(4096);
    expect(linksOf(reply).length).toBeGreaterThanOrEqual(1);
  });
});

describe("inline search", () => {
  it("answers `@bot words` with the matching articles", async () => {
    const harness = await start();
    addBridgeStories(harness, 3);
    addArticle(harness, { title: "Bakery turns 100", body: "Cakes and bread." });
    await harness.send(inlineQuery("bridge", { from: READER }));
    const call = harness.fake.callsTo("answerInlineQuery").at(-1)!;
    expect(call.ok).toBe(true);
    const raw = call.payload.results;
    const results = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ title: string }>;
    expect(results.map((r) => r.title).sort()).toEqual([
      "Bridge report 1",
      "Bridge report 2",
      "Bridge report 3",
    ]);
  });

  it.each(["c++", '"abc', "<script>", "x".repeat(5_000), "🌉"])(
    "answers the hostile inline query %j",
    async (query) => {
      const harness = await start();
      addBridgeStories(harness, 2);
      await harness.send(inlineQuery(query, { from: READER }));
      const call = harness.fake.callsTo("answerInlineQuery").at(-1)!;
      expect(call.ok).toBe(true);
    },
  );
});
