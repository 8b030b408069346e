import { describe, expect, it } from "vitest";
import type { BotHarness } from "../../support/bot-harness.js";
import { callbackQuery, EDITOR, privateMessage } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { CHANNEL, startEditorHarness } from "./editor-harness.js";

/**
 * Editors never wait on the channel: while a delivery waits out a 429 or retries a 5xx (the
 * channel's Api retries as in production), "Posting…" is shown at once, the editor's other
 * commands are answered meanwhile, and the outcome replaces "Posting…" when it is known.
 */
const start = closedAfterEach(startEditorHarness);

function queueStory(h: BotHarness, title: string): number {
  const { article } = h.deps.articles.store({
    title,
    body: `${title}: the full text of the story, long enough to be a real article.`,
  });
  return h.deps.queue!.enqueue(article.id).item.id;
}

const editorTexts = (h: BotHarness) => h.fake.messages(EDITOR.id).map((m) => m.text);

describe("editors are never kept waiting by the channel", () => {
  it("answers /queue and /new and keeps the dialog's input while /postnow waits out a 429", async () => {
    const h = await start();
    const id = queueStory(h, "Bridge reopens after repairs");
    h.fake.failNext(
      "sendMessage",
      { errorCode: 429, description: "Too Many Requests: retry after 2", retryAfter: 2 },
      1,
      CHANNEL,
    );
    await h.send(privateMessage("/postnow", { from: EDITOR }));
    expect(editorTexts(h)).toEqual(["⏳ Posting…"]);

    await h.send(privateMessage("/queue", { from: EDITOR }));
    await h.send(privateMessage("/new", { from: EDITOR }));
    await h.send(privateMessage("Night buses on the ring road", { from: EDITOR }));
    // All answered while the post still waits: nothing reached the channel yet.
    expect(h.fake.messages(CHANNEL)).toEqual([]);
    expect(h.deps.background!.size).toBe(1);
    const texts = editorTexts(h);
    expect(texts[1]).toContain("Bridge reopens after repairs");
    expect(texts[2]).toContain("New post (step 1 of 4)");
    expect(texts[3]).toContain("Step 2 of 4");

    await h.settle();
    expect(h.fake.messages(CHANNEL).map((m) => m.text.split("\n")[0])).toEqual([
      "Bridge reopens after repairs",
    ]);
    const status = h.fake.messages(EDITOR.id)[0]!;
    expect(status.text).toBe(`✅ Item #${id} (article 1): Posted to the channel.`);
    expect(status.editCount).toBe(1);
  });

  it("answers the Post now button at once while the delivery retries a 5xx", async () => {
    const h = await start();
    queueStory(h, "Library extends opening hours");
    h.fake.failNext("sendMessage", { errorCode: 502, description: "Bad Gateway" }, 1, CHANNEL);
    await h.send(privateMessage("/queue", { from: EDITOR }));
    const list = h.fake.messages(EDITOR.id)[0]!;
    await h.send(
      callbackQuery("q:p:1:0", {
        from: EDITOR,
        message: { chatId: EDITOR.id, messageId: list.messageId },
      }),
    );
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toBe("⏳ Posting…");
    await h.send(privateMessage("/stats", { from: EDITOR }));
    expect(h.fake.messages(CHANNEL)).toEqual([]);
    expect(editorTexts(h).at(-1)).toContain("Newsroom stats");

    await h.settle();
    expect(h.fake.messages(CHANNEL)).toHaveLength(1);
    expect(editorTexts(h)).toContain("✅ Item #1 (article 1): Posted to the channel.");
    expect(h.fake.messages(EDITOR.id)[0]!.text).toContain("The queue is empty.");
  }, 30_000);

  it("shows in /stats that Telegram has been unreachable", async () => {
    const h = await start({
      extra: {
        telegramStatus: () => ({ reachable: false, unreachableSince: Date.UTC(2026, 0, 5, 9, 0) }),
      },
    });
    await h.send(privateMessage("/stats", { from: EDITOR }));
    expect(editorTexts(h)[0]).toContain(
      "⚠️ Telegram unreachable since 5 Jan 2026, 12:00 GMT+3: posts wait and are retried.",
    );
  });
});
