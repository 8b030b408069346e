import { describe, expect, it } from "vitest";
import type { BotHarness } from "../../support/bot-harness.js";
import {
  callbackQuery,
  EDITOR,
  forwardedMessage,
  privateMessage,
  READER,
} from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { articleText, snapshot, startEditorHarness } from "./editor-harness.js";

const start = closedAfterEach(startEditorHarness);

const buttonsOf = (markup: unknown) =>
  (
    (markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> })
      ?.inline_keyboard ?? []
  )
    .flat()
    .map((b) => [b.text, b.callback_data] as const);

async function question(bot: BotHarness) {
  const message = bot.fake.messages(EDITOR.id).at(-1)!;
  const [queueIt, no] = buttonsOf(message.replyMarkup);
  return { message, queueData: queueIt![1], dropData: no![1] };
}
const press = (bot: BotHarness, data: string, messageId: number, from = EDITOR) =>
  bot.send(callbackQuery(data, { from, message: { chatId: EDITOR.id, messageId } }));

describe("a forwarded or pasted text without a command", () => {
  it("asks the editor whether to queue a forwarded channel post, keeping the text server-side", async () => {
    const h = await start();
    await h.send(forwardedMessage(articleText("Ferry timetable changes"), { from: EDITOR }));
    const { message, queueData, dropData } = await question(h);
    expect(message.text).toMatch(
      /^Queue this as an article\?\nFerry timetable changes \(\d+ characters\)$/,
    );
    expect(queueData).toMatch(/^e:pq:[a-z0-9]{10}$/);
    expect(dropData).toBe(queueData.replace("e:pq:", "e:px:"));
    expect(h.deps.articles.count()).toBe(0);

    await press(h, queueData, message.messageId);
    const article = h.deps.articles.newest(1, 0, "all")[0]!;
    expect(article).toMatchObject({
      title: "Ferry timetable changes",
      source: "Other News",
      url: "https://t.me/other_news/77",
    });
    expect(h.deps.queue!.list().map((i) => i.articleId)).toEqual([article.id]);
    expect(h.fake.messages(EDITOR.id).at(-1)!.html).toContain("<b>Ferry timetable changes</b>");

    // The question is answered once; a second press finds nothing kept.
    await press(h, queueData, message.messageId);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toBe(
      "That text is no longer kept; send it again.",
    );
    expect(h.deps.articles.count()).toBe(1);
  });

  it("asks about a long pasted text, and No drops it", async () => {
    const h = await start();
    await h.send(privateMessage(articleText("Long pasted story", 4), { from: EDITOR }));
    const { message, dropData } = await question(h);
    expect(message.text.startsWith("Queue this as an article?\nLong pasted story")).toBe(true);
    await press(h, dropData, message.messageId);
    expect(h.fake.messages(EDITOR.id).find((m) => m.messageId === message.messageId)!.text).toBe(
      "Not queued.",
    );
    expect(h.deps.articles.count()).toBe(0);
    expect(
      h.db
        .prepare("SELECT count(*) FROM bot_sessions WHERE key LIKE 'pending-paste:%'")
        .pluck()
        .get(),
    ).toBe(0);
  });

  it("leaves short chat messages alone", async () => {
    const h = await start();
    await h.send(privateMessage("hello there", { from: EDITOR }));
    expect(h.fake.messages(EDITOR.id)[0]!.replyMarkup).toBeUndefined();
  });

  it("never asks a reader, and a reader cannot press an editor's question", async () => {
    const h = await start();
    await h.send(forwardedMessage(articleText("Editor's forward"), { from: EDITOR }));
    const { message, queueData } = await question(h);
    const before = snapshot(h.db);
    await h.send(forwardedMessage(articleText("Reader's forward"), { from: READER }));
    expect(h.fake.messages(READER.id).every((m) => m.replyMarkup === undefined)).toBe(true);
    await press(h, queueData, message.messageId, READER);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toMatch(/^Not allowed/);
    expect(snapshot(h.db)).toEqual(before);
  });
});
