import { describe, expect, it } from "vitest";
import type { BotHarness } from "../../support/bot-harness.js";
import { callbackQuery, EDITOR, privateMessage, READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { CHANNEL, startEditorHarness } from "./editor-harness.js";

const start = closedAfterEach(startEditorHarness);

/** Queues one article and posts it with Telegram's answer lost: the editor gets the question. */
async function lostPost(h: BotHarness, title: string) {
  const { article } = h.deps.articles.store({
    title,
    body: `The story of ${title}, told in full.`,
  });
  h.deps.queue!.enqueue(article.id);
  h.fake.failNext("sendMessage", "accepted-then-closed");
  const outcome = await h.deps.publisher!.postNow();
  const question = h.fake.messages(EDITOR.id).at(-1)!;
  return { outcome, question };
}

const press = (h: BotHarness, messageId: number, data: string, from = EDITOR) =>
  h.send(callbackQuery(data, { from, message: { chatId: from.id, messageId } }));

describe("an editor answers 'Is this post in the channel?'", () => {
  it("'It is in the channel' records the post once and replaces the question", async () => {
    const h = await start();
    const { outcome, question } = await lostPost(h, "Harbour fire");
    expect(outcome.status).toBe("unknown");

    await press(h, question.messageId, `e:oc:${outcome.itemId}`);

    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toBe("Recorded.");
    const edited = h.fake.messages(EDITOR.id).find((m) => m.messageId === question.messageId)!;
    expect(edited.text).toBe(
      "«Harbour fire» (item #1): It is in the channel. Recorded: it is posted and will not be sent again.",
    );
    expect(edited.replyMarkup).toBeUndefined();
    expect(h.fake.messages(CHANNEL)).toHaveLength(1);
    expect(h.db.prepare("SELECT state, editor_choice FROM publish_queue").get()).toEqual({
      state: "posted",
      editor_choice: "in-channel",
    });
  });

  it("'Send it again' posts it again and says so", async () => {
    const h = await start();
    const { outcome, question } = await lostPost(h, "Ferry strike");

    await press(h, question.messageId, `e:os:${outcome.itemId}`);

    expect(h.fake.messages(CHANNEL).map((m) => m.text.split("\n")[0])).toEqual([
      "Ferry strike",
      "Ferry strike",
    ]);
    const edited = h.fake.messages(EDITOR.id).find((m) => m.messageId === question.messageId)!;
    expect(edited.text).toBe("«Ferry strike» (item #1): Send it again. Posted to the channel.");
  });

  it("a second press changes nothing", async () => {
    const h = await start();
    const { outcome, question } = await lostPost(h, "Bridge opens");
    await press(h, question.messageId, `e:oc:${outcome.itemId}`);
    await press(h, question.messageId, `e:os:${outcome.itemId}`);
    expect(h.fake.messages(CHANNEL)).toHaveLength(1);
    expect(h.fake.messages(EDITOR.id).at(-1)!.text).toBe(
      "«Bridge opens» (item #1) was already decided: it is in the channel. Nothing changed.",
    );
  });

  it("a reader who forges the button is refused and nothing changes", async () => {
    const h = await start();
    const { outcome } = await lostPost(h, "Secret vote");
    await h.send(
      callbackQuery(`e:os:${outcome.itemId}`, {
        from: READER,
        message: { chatId: READER.id, messageId: 1 },
      }),
    );
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toMatch(/^Not allowed/);
    expect(h.fake.messages(CHANNEL)).toHaveLength(1);
  });
});

describe("the question in the editor's language", () => {
  it("asks a Russian-speaking editor in Russian, with Russian buttons and answers", async () => {
    const h = await start();
    await h.send(privateMessage("/language ru", { from: EDITOR }));
    const { outcome, question } = await lostPost(h, "Пожар в порту");
    expect(question.text).toMatch(/^⚠️ Этот пост есть в канале\?\n«Пожар в порту» \(пост №1\)/);
    const labels = (
      question.replyMarkup as { inline_keyboard: { text: string }[][] }
    ).inline_keyboard
      .flat()
      .map((b) => b.text);
    expect(labels).toEqual(["Он есть в канале", "Отправить снова"]);
    await press(h, question.messageId, `e:oc:${outcome.itemId}`);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toBe("Записано.");
  });
});
