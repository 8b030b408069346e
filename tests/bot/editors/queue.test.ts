import { describe, expect, it } from "vitest";
import type { BotHarness } from "../../support/bot-harness.js";
import { callbackQuery, EDITOR, privateMessage, READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { CHANNEL, snapshot, startEditorHarness } from "./editor-harness.js";

const start = closedAfterEach(startEditorHarness);

/** Stores and queues `n` articles directly through the services. */
function queueArticles(h: BotHarness, n: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    const { article } = h.deps.articles.store({
      title: `Story ${i + 1} <of ${n}>`,
      body: `Body of story ${i + 1}, long enough to be a real article text.`,
    });
    return h.deps.queue!.enqueue(article.id).item.id;
  });
}

const order = (h: BotHarness) =>
  (
    h.db
      .prepare("SELECT id FROM publish_queue WHERE state = 'queued' ORDER BY position")
      .all() as Array<{ id: number }>
  ).map((r) => r.id);
const buttonData = (markup: unknown) =>
  (
    (markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> })
      ?.inline_keyboard ?? []
  )
    .flat()
    .map((b) => b.callback_data);

async function openQueue(h: BotHarness) {
  await h.send(privateMessage("/queue", { from: EDITOR }));
  return h.fake.messages(EDITOR.id).at(-1)!;
}
const pressOn = (h: BotHarness, messageId: number, data: string, from = EDITOR) =>
  h.send(callbackQuery(data, { from, message: { chatId: EDITOR.id, messageId } }));
const lastAnswer = (h: BotHarness) => h.fake.callsTo("answerCallbackQuery").at(-1)!.payload;

describe("/queue", () => {
  it("lists the queue in order with position, escaped headline, planned time and state", async () => {
    const h = await start();
    queueArticles(h, 2);
    const message = await openQueue(h);
    expect(message.text).toContain("Publication queue: 2 waiting\n▶️ Publishing runs on schedule.");
    expect(message.text).toMatch(
      /1\. Story 1 <of 2>\n {3}#1 · queued · planned \d{1,2}:\d{2} \d{2}\.\d{2}\.\d{4}/,
    );
    expect(message.text).toContain("2. Story 2 <of 2>");
    expect(message.html).toContain("<b>Story 1 &lt;of 2&gt;</b>");
    expect(buttonData(message.replyMarkup)).toEqual([
      "q:p:1:0",
      "q:u:1:0",
      "q:d:1:0",
      "q:r:1:0",
      "q:p:2:0",
      "q:u:2:0",
      "q:d:2:0",
      "q:r:2:0",
      "q:pg:0",
    ]);
  });

  it("pages a long queue", async () => {
    const h = await start();
    queueArticles(h, 7);
    const message = await openQueue(h);
    expect(message.text).toContain("Page 1 of 2");
    expect(buttonData(message.replyMarkup)).toContain("q:pg:1");
    await pressOn(h, message.messageId, "q:pg:1");
    const page2 = h.fake.messages(EDITOR.id).at(-1)!;
    expect(page2.messageId).toBe(message.messageId);
    expect(page2.text).toContain("6. Story 6 <of 7>");
    expect(page2.text).not.toContain("1. Story 1");
    expect(page2.text).toContain("Page 2 of 2");
  });

  it("reorders with Up and Down and updates the message in place", async () => {
    const h = await start();
    const [a, b, c] = queueArticles(h, 3);
    const message = await openQueue(h);
    await pressOn(h, message.messageId, `q:d:${a}:0`);
    expect(order(h)).toEqual([b, a, c]);
    await pressOn(h, message.messageId, `q:u:${c}:0`);
    expect(order(h)).toEqual([b, c, a]);
    const shown = h.fake.messages(EDITOR.id);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.editCount).toBe(2);
    expect(shown[0]!.text).toMatch(/1\. Story 2[\s\S]*2\. Story 3[\s\S]*3\. Story 1/);
    expect(lastAnswer(h).text).toBe("Moved up.");
  });

  it("posts an item now and removes another from the list", async () => {
    const h = await start();
    const [a, b] = queueArticles(h, 2);
    const message = await openQueue(h);
    await pressOn(h, message.messageId, `q:p:${b}:0`);
    expect(lastAnswer(h).text).toBe("⏳ Posting…");
    await h.settle();
    expect(h.fake.messages(CHANNEL).map((m) => m.text.split("\n")[0])).toEqual(["Story 2 <of 2>"]);
    // The "Posting…" message now tells the outcome, and the list no longer shows the item.
    expect(h.fake.messages(EDITOR.id).map((m) => m.text)).toContain(
      `✅ Item #${b} (article 2): Posted to the channel.`,
    );
    expect(h.fake.messages(EDITOR.id)[0]!.text).not.toContain("Story 2");
    await pressOn(h, message.messageId, `q:r:${a}:0`);
    expect(order(h)).toEqual([]);
    expect(h.fake.messages(EDITOR.id)[0]!.text).toContain("The queue is empty.");
  });

  it("answers a stale button for a removed item briefly and changes nothing", async () => {
    const h = await start();
    const [a, b] = queueArticles(h, 2);
    const message = await openQueue(h);
    h.deps.queue!.remove(a!);
    const before = snapshot(h.db);
    for (const action of ["p", "u", "d", "r", "t"])
      await pressOn(h, message.messageId, `q:${action}:${a}:0`);
    expect(snapshot(h.db)).toEqual(before);
    expect(h.fake.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual(
      Array(5).fill("That item is no longer in the queue."),
    );
    expect(h.fake.messages(CHANNEL)).toEqual([]);
    expect(order(h)).toEqual([b]);
  });

  it("ignores forged data from an editor's client and refuses any queue button from a reader", async () => {
    const h = await start();
    const [a] = queueArticles(h, 2);
    const message = await openQueue(h);
    const before = snapshot(h.db);
    await pressOn(h, message.messageId, "q:p:1;DROP TABLE articles");
    expect(lastAnswer(h).text).toBe("This button is not valid.");
    await pressOn(h, message.messageId, "q:p:99999:0");
    expect(lastAnswer(h).text).toBe("That item is no longer in the queue.");
    for (const data of [`q:p:${a}:0`, `q:r:${a}`, `q:t:${a}`, "q:pg:0", "e:pq:abcdefgh"]) {
      await h.send(
        callbackQuery(data, {
          from: READER,
          message: { chatId: EDITOR.id, messageId: message.messageId },
        }),
      );
      expect(lastAnswer(h).text).toBe(
        "Not allowed: only the newsroom's editors can use this button.",
      );
    }
    expect(snapshot(h.db)).toEqual(before);
    expect(h.fake.messages(CHANNEL)).toEqual([]);
  });

  it("is refused to a reader", async () => {
    const h = await start();
    queueArticles(h, 1);
    await h.send(privateMessage("/queue", { from: READER }));
    expect(h.fake.messages(READER.id).map((m) => m.text)).toEqual([
      "Sorry, this command is only for the newsroom's editors. /help lists what you can do.",
    ]);
  });
});

describe("/postnow, /pause, /resume", () => {
  it("/postnow publishes the next item, or the one named", async () => {
    const h = await start();
    const [, b] = queueArticles(h, 3);
    await h.send(privateMessage(`/postnow ${b}`, { from: EDITOR }));
    expect(h.fake.messages(EDITOR.id).map((m) => m.text)).toEqual(["⏳ Posting…"]);
    await h.settle();
    await h.send(privateMessage("/postnow", { from: EDITOR }));
    await h.settle();
    expect(h.fake.messages(CHANNEL).map((m) => m.text.split("\n")[0])).toEqual([
      "Story 2 <of 3>",
      "Story 1 <of 3>",
    ]);
    expect(h.fake.messages(EDITOR.id).map((m) => m.text)).toEqual([
      `✅ Item #${b} (article 2): Posted to the channel.`,
      "✅ Item #1 (article 1): Posted to the channel.",
    ]);
    await h.send(privateMessage(`/postnow ${b}`, { from: EDITOR }));
    await h.settle();
    expect(h.fake.messages(EDITOR.id).at(-1)!.text).toBe(
      `⚠️ Nothing posted: queue item ${b} is posted.`,
    );
  });

  it("/pause is kept across a restart and shown in /queue; /resume restarts", async () => {
    const first = await start();
    queueArticles(first, 1);
    await first.send(privateMessage("/pause", { from: EDITOR }));
    expect(first.fake.messages(EDITOR.id)[0]!.text).toContain("Scheduled publishing is paused");
    await first.close();

    const second = await start({ db: first.db });
    const queue = await openQueue(second);
    expect(queue.text).toContain("⏸ Publishing is paused since");
    expect(queue.text).toContain("#1 · queued · waits for /resume");
    await second.send(privateMessage("/resume", { from: EDITOR }));
    expect(second.deps.queue!.isPaused()).toBe(false);
    expect((await openQueue(second)).text).toContain("▶️ Publishing runs on schedule.");
  });

  it("refuses readers and changes nothing", async () => {
    const h = await start();
    queueArticles(h, 2);
    const before = snapshot(h.db);
    for (const command of ["/postnow", "/postnow 1", "/pause", "/resume"]) {
      await h.send(privateMessage(command, { from: READER }));
    }
    expect(snapshot(h.db)).toEqual(before);
    expect(h.fake.messages(CHANNEL)).toEqual([]);
    expect(h.fake.messages(READER.id)).toHaveLength(4);
  });
});
