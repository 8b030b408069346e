import { describe, expect, it } from "vitest";
import { formatPost } from "../../../src/publishing/format-post.js";
import { TEST_BOT_INFO } from "../../../src/sandbox/fake-bot-api.js";
import type { BotHarness } from "../../support/bot-harness.js";
import { callbackQuery, EDITOR, privateMessage, READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { articleText, CHANNEL, snapshot, startEditorHarness } from "./editor-harness.js";

const start = closedAfterEach(startEditorHarness);

const queueRows = (bot: BotHarness) =>
  bot.db
    .prepare("SELECT id, article_id, state FROM publish_queue ORDER BY position")
    .all() as Array<{
    id: number;
    article_id: number;
    state: string;
  }>;

const buttons = (markup: unknown) =>
  (
    (markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> })
      ?.inline_keyboard ?? []
  ).flat();

describe("/add", () => {
  it("stores and queues a pasted article and answers with the exact post preview and its buttons", async () => {
    const h = await start();
    await h.send(
      privateMessage(`/add ${articleText("Bridge <reopens> & traffic flows")}`, { from: EDITOR }),
    );

    const article = h.deps.articles.newest(1, 0, "all")[0]!;
    expect(article.title).toBe("Bridge <reopens> & traffic flows");
    expect(queueRows(h)).toEqual([{ id: 1, article_id: article.id, state: "queued" }]);

    const [status, preview] = h.fake.messages(EDITOR.id);
    expect(status!.text).toContain(
      `Stored as article ${article.id} and queued: item #1, position 1, planned`,
    );
    const expected = formatPost(article, {
      channelUrl: h.config.channelUrl,
      footer: h.config.postFooter,
      timezone: h.config.timezone,
      botUsername: TEST_BOT_INFO.username,
    });
    expect(preview!.html).toBe(expected.html);
    expect(preview!.text.startsWith("Bridge <reopens> & traffic flows\n\n")).toBe(true);
    expect(buttons(preview!.replyMarkup).map((b) => [b.text, b.callback_data])).toEqual([
      ["Post now", "q:p:1"],
      ["Remove", "q:r:1"],
      ["Move to top", "q:t:1"],
    ]);
  });

  it("says an article is already in the archive, with its ID, and does not queue it twice", async () => {
    const h = await start();
    const text = articleText("Council approves budget");
    await h.send(privateMessage(`/add ${text}`, { from: EDITOR }));
    await h.send(privateMessage(`/add ${text}`, { from: EDITOR }));
    const id = h.deps.articles.newest(1, 0, "all")[0]!.id;
    expect(h.deps.articles.count()).toBe(1);
    expect(queueRows(h)).toHaveLength(1);
    const texts = h.fake.messages(EDITOR.id).map((m) => m.text);
    expect(texts[2]).toContain(
      `Already in the archive as article ${id}; it is already queued: item #1`,
    );
  });

  it("gives the reason when the text cannot be an article, and stores nothing", async () => {
    const h = await start();
    await h.send(privateMessage("/add Headline only\n\ntoo short", { from: EDITOR }));
    expect(h.deps.articles.count()).toBe(0);
    expect(h.fake.messages(EDITOR.id).at(-1)!.text).toMatch(
      /^❌ Not queued: the text is too short/,
    );
  });

  it("takes the text from the next message after a bare /add", async () => {
    const h = await start();
    await h.send(privateMessage("/add", { from: EDITOR }));
    expect(h.fake.messages(EDITOR.id).at(-1)!.text).toContain(
      "Send the article as your next message",
    );
    await h.send(privateMessage(articleText("Heatwave expected this weekend"), { from: EDITOR }));
    expect(h.deps.articles.newest(1, 0, "all")[0]!.title).toBe("Heatwave expected this weekend");
    expect(queueRows(h)).toHaveLength(1);
  });

  it("refuses a reader politely and changes nothing", async () => {
    const h = await start();
    const before = snapshot(h.db);
    await h.send(
      privateMessage(`/add ${articleText("Reader tries to publish")}`, { from: READER }),
    );
    await h.send(privateMessage("/add", { from: READER }));
    expect(snapshot(h.db)).toEqual(before);
    expect(h.fake.messages(READER.id).map((m) => m.text)).toEqual([
      "Sorry, this command is only for the newsroom's editors. /help lists what you can do.",
      "Sorry, this command is only for the newsroom's editors. /help lists what you can do.",
    ]);
  });
});

describe("the buttons under a preview", () => {
  it("post the item now, and the channel shows exactly the preview", async () => {
    const h = await start();
    await h.send(privateMessage(`/add ${articleText("Museum opens new wing")}`, { from: EDITOR }));
    const preview = h.fake.messages(EDITOR.id)[1]!;
    await h.send(
      callbackQuery("q:p:1", {
        from: EDITOR,
        message: { chatId: EDITOR.id, messageId: preview.messageId },
      }),
    );
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toBe("⏳ Posting…");
    await h.settle();
    const posts = h.fake.messages(CHANNEL);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.html).toBe(preview.html);
    expect(queueRows(h)[0]!.state).toBe("posted");
    expect(h.fake.messages(EDITOR.id).at(-1)!.text).toBe(
      "✅ Item #1 (article 1): Posted to the channel.",
    );
    // The item left the queue, so its buttons are gone.
    expect(h.fake.messages(EDITOR.id)[1]!.replyMarkup).toBeUndefined();
  });

  it("move the item to the top and remove it", async () => {
    const h = await start();
    await h.send(privateMessage(`/add ${articleText("First story of the day")}`, { from: EDITOR }));
    await h.send(
      privateMessage(`/add ${articleText("Second story of the day")}`, { from: EDITOR }),
    );
    const second = h.fake.messages(EDITOR.id)[3]!;
    const under = { chatId: EDITOR.id, messageId: second.messageId };
    await h.send(callbackQuery("q:t:2", { from: EDITOR, message: under }));
    expect(queueRows(h).map((r) => r.id)).toEqual([2, 1]);
    await h.send(callbackQuery("q:r:2", { from: EDITOR, message: under }));
    expect(
      queueRows(h)
        .map((r) => [r.id, r.state])
        .sort(),
    ).toEqual([
      [1, "queued"],
      [2, "removed"],
    ]);
    expect(h.fake.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      "Moved to the top.",
      "Removed from the queue.",
    ]);
  });
});
