import { describe, expect, it } from "vitest";
import { startBotHarness } from "../../support/bot-harness.js";
import { callbackQuery, privateMessage, READER, RUSSIAN_READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import {
  addArticle,
  addArticles,
  button,
  buttonsOf,
  callbackAnswers,
  lastMessage,
  linksOf,
  SEED_TIME,
  textsOf,
} from "./reader-support.js";

const startHarness = closedAfterEach(startBotHarness);

describe("/latest", () => {
  it("lists the newest five with linked headlines, Moscow times and one-line leads", async () => {
    const harness = await startHarness();
    addArticles(harness, 7);
    await harness.send(privateMessage("/latest", { from: READER }));
    const list = lastMessage(harness, READER.id);
    expect(textsOf(list, "bold")[0]).toBe("Latest articles");
    expect(linksOf(list).map((l) => l.text)).toEqual([
      "Story 7 of 7",
      "Story 6 of 7",
      "Story 5 of 7",
      "Story 4 of 7",
      "Story 3 of 7",
    ]);
    expect(linksOf(list)[0]!.url).toMatch(/^https:\/\/news\.example\/story-\d+$/);
    // 6:58 UTC + 6 minutes is 10:04 in Moscow.
    expect(textsOf(list, "italic")[0]).toBe("10:04 23.02.2023");
    expect(list.text).toContain(
      "1. Story 7 of 7\n10:04 23.02.2023\nLead sentence of story 7 says what happened in the town.",
    );
    expect(buttonsOf(list).map((b) => b.text)).toEqual(["More ▶"]);
  });

  it("links headlines without utm_* and other tracking parameters", async () => {
    const harness = await startHarness();
    addArticle(harness, {
      title: "Tracked story",
      body: "A story whose feed adds tracking to its link.",
      url: "https://news.example/tracked?id=3&utm_source=rss&utm_campaign=feed&fbclid=x",
      publishedAt: SEED_TIME,
    });
    await harness.send(privateMessage("/latest", { from: READER }));
    expect(linksOf(lastMessage(harness, READER.id))).toEqual([
      { text: "Tracked story", url: "https://news.example/tracked?id=3" },
    ]);
  });

  it("gives the number asked for, up to 20", async () => {
    const harness = await startHarness();
    addArticles(harness, 25);
    await harness.send(privateMessage("/latest 3", { from: READER }));
    expect(linksOf(lastMessage(harness, READER.id))).toHaveLength(3);
    await harness.send(privateMessage("/latest 20", { from: READER }));
    expect(linksOf(lastMessage(harness, READER.id))).toHaveLength(20);
  });

  it.each([
    ["abc", 5, "“abc” is not a number from 1 to 20, so here are the latest 5."],
    ["0", 5, "“0” is not a number from 1 to 20, so here are the latest 5."],
    ["-3", 5, "“-3” is not a number from 1 to 20, so here are the latest 5."],
    ["50", 20, "“50” is not a number from 1 to 20, so here are the latest 20."],
    ["<b>", 5, "“<b>” is not a number from 1 to 20, so here are the latest 5."],
  ])("answers a bad count %j with %i articles and a hint", async (given, count, hint) => {
    const harness = await startHarness();
    addArticles(harness, 25);
    await harness.send(privateMessage(`/latest ${given}`, { from: READER }));
    const list = lastMessage(harness, READER.id);
    expect(textsOf(list, "italic")[0]).toBe(hint);
    expect(linksOf(list)).toHaveLength(count);
  });

  it("pages further back with More and returns with Newer, editing the same message", async () => {
    const harness = await startHarness();
    addArticles(harness, 12);
    await harness.send(privateMessage("/latest", { from: READER }));
    const first = lastMessage(harness, READER.id);

    await harness.send(callbackQuery(button(first, "More").data, { from: READER, message: first }));
    const second = lastMessage(harness, READER.id);
    expect(second.messageId).toBe(first.messageId);
    expect(linksOf(second).map((l) => l.text)).toEqual([
      "Story 7 of 12",
      "Story 6 of 12",
      "Story 5 of 12",
      "Story 4 of 12",
      "Story 3 of 12",
    ]);
    expect(second.text).toContain("6. Story 7 of 12");
    expect(buttonsOf(second).map((b) => b.text)).toEqual(["◀ Newer", "More ▶"]);

    await harness.send(
      callbackQuery(button(second, "More").data, { from: READER, message: second }),
    );
    const third = lastMessage(harness, READER.id);
    expect(linksOf(third).map((l) => l.text)).toEqual(["Story 2 of 12", "Story 1 of 12"]);
    expect(buttonsOf(third).map((b) => b.text)).toEqual(["◀ Newer"]);

    await harness.send(
      callbackQuery(button(third, "Newer").data, { from: READER, message: third }),
    );
    expect(linksOf(lastMessage(harness, READER.id))[0]!.text).toBe("Story 7 of 12");
    expect(harness.fake.messages(READER.id)).toHaveLength(1);
    expect(callbackAnswers(harness)).toEqual(["", "", ""]);
  });

  it("says there is nothing further back when a stale More points past the archive", async () => {
    const harness = await startHarness();
    addArticles(harness, 2);
    await harness.send(privateMessage("/latest", { from: READER }));
    const list = lastMessage(harness, READER.id);
    await harness.send(callbackQuery("l:500:5", { from: READER, message: list }));
    expect(callbackAnswers(harness)).toEqual(["There is nothing further back."]);
    expect(linksOf(lastMessage(harness, READER.id))).toHaveLength(2);
  });

  it.each(["l:", "l:abc:5", "l:5:0", "l:5:21", "l:99999999:5", "l:-5:5", "l:5:5:extra", "l:5:5\n"])(
    "answers forged /latest button data %j briefly and changes nothing",
    async (data) => {
      const harness = await startHarness();
      addArticles(harness, 7);
      await harness.send(privateMessage("/latest", { from: READER }));
      const before = lastMessage(harness, READER.id);
      await harness.send(callbackQuery(data, { from: READER, message: before }));
      expect(callbackAnswers(harness)).toEqual(["This button is no longer valid."]);
      expect(lastMessage(harness, READER.id)).toEqual(before);
    },
  );

  it("answers a friendly line, not silence, when the archive is empty", async () => {
    const harness = await startHarness();
    await harness.send(privateMessage("/latest", { from: READER }));
    await harness.send(privateMessage("/latest", { from: RUSSIAN_READER }));
    expect(lastMessage(harness, READER.id).text).toBe(
      "The archive is empty for now. New articles will appear here soon.",
    );
    expect(lastMessage(harness, RUSSIAN_READER.id).text).toBe(
      "Архив пока пуст. Скоро здесь появятся новые статьи.",
    );
  });

  it("speaks Russian to a Russian reader, buttons included", async () => {
    const harness = await startHarness();
    addArticles(harness, 6);
    await harness.send(privateMessage("/latest", { from: RUSSIAN_READER }));
    const list = lastMessage(harness, RUSSIAN_READER.id);
    expect(textsOf(list, "bold")[0]).toBe("Свежие статьи");
    expect(buttonsOf(list).map((b) => b.text)).toEqual(["Ещё ▶"]);
  });

  it("escapes headlines and leads, and links articles without a URL into the bot", async () => {
    const harness = await startHarness();
    const article = addArticle(harness, {
      title: "Tags <i>like</i> these & “quotes”",
      body: 'A lead with <script>alert("x")</script> & an ampersand stays visible as typed.',
      url: null,
      publishedAt: SEED_TIME,
    });
    await harness.send(privateMessage("/latest", { from: READER }));
    const list = lastMessage(harness, READER.id);
    expect(linksOf(list)).toEqual([
      {
        text: "Tags <i>like</i> these & “quotes”",
        url: `https://t.me/newsroom_test_bot?start=a${article.id}`,
      },
    ]);
    expect(list.text).toContain('A lead with <script>alert("x")</script> & an ampersand');
  });

  it("keeps a page of twenty very long headlines under Telegram's 4096 characters", async () => {
    const harness = await startHarness();
    for (let i = 0; i < 20; i++) {
      addArticle(harness, {
        title: `${"Long headline ".repeat(34)}${i}`,
        body: `${"A very long lead sentence with many words in it ".repeat(12)}end.`,
      });
    }
    await harness.send(privateMessage("/latest 20", { from: READER }));
    const list = lastMessage(harness, READER.id);
    expect(list.text.length).toBeLessThanOrEqual(4096);
    expect(linksOf(list).length).toBeGreaterThan(3);
    expect(harness.fake.callsTo("sendMessage").every((c) => c.ok)).toBe(true);
  });
});

describe("readers' commands in a group", () => {
  it("answers /latest@bot in a group chat, in the group", async () => {
    const harness = await startHarness();
    addArticles(harness, 2);
    const group = { id: -4001, type: "group" as const, title: "Town residents" };
    const update = privateMessage("/latest@newsroom_test_bot", { from: READER });
    const message = update.message!;
    const inGroup = { ...update, message: { ...message, chat: group } };
    await harness.send(inGroup as typeof update);
    const reply = lastMessage(harness, group.id);
    expect(textsOf(reply, "bold")[0]).toBe("Latest articles");
    expect(harness.fake.messages(READER.id)).toHaveLength(0);
  });
});
