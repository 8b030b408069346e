import { describe, expect, it } from "vitest";
import type { Publishing } from "../../../src/publishing/index.js";
import { type BotHarness, startBotHarness } from "../../support/bot-harness.js";
import {
  callbackQuery,
  EDITOR,
  inlineQuery,
  privateMessage,
  READER,
  TEST_CHANNEL,
} from "../../support/updates.js";
import { articleText } from "../editors/editor-harness.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { button, lastMessage } from "./reader-support.js";

const startHarness = closedAfterEach(startBotHarness);
const DAY = 86_400_000;

/** The bot as production composes it: search, queue and publisher included. */
async function start(): Promise<{ h: BotHarness; publishing: Publishing }> {
  const h = await startHarness();
  h.fake.setChat(`@${TEST_CHANNEL.username}`, {
    type: "channel",
    id: TEST_CHANNEL.id,
    title: TEST_CHANNEL.title,
    username: TEST_CHANNEL.username,
  });
  return { h, publishing: h.services.publishing! };
}

const PRIVATE = ["queued", "scheduled", "paused", "removed", "failed"] as const;
type Kind = (typeof PRIVATE)[number] | "archived" | "posted";

const headline = (kind: Kind) => `Harbour ${kind} story`;

/**
 * One story in each state: archived only and posted (public), queued by an editor's /add,
 * scheduled for tomorrow, queued while publishing is paused, removed from the queue, and
 * refused by Telegram (private). Returns article ids by state.
 */
async function newsroomDay(h: BotHarness, { queue, publisher }: Publishing) {
  const ids = {} as Record<Kind, number>;
  const store = (kind: Kind, visibility: "public" | "private") =>
    h.deps.articles.store({
      title: headline(kind),
      body: `The harbour ${kind} text has enough words to be a real story about the port.`,
      url: `https://harbour.example/${kind}`,
      visibility,
    }).article.id;

  ids.archived = store("archived", "public");
  ids.posted = store("posted", "private");
  const posted = queue.enqueue(ids.posted).item;
  expect(await publisher.postNow(posted.id)).toMatchObject({ status: "posted" });

  await h.send(privateMessage(`/add ${articleText(headline("queued"))}`, { from: EDITOR }));
  ids.queued = h.db
    .prepare("SELECT id FROM articles WHERE title = ?")
    .pluck()
    .get(headline("queued")) as number;
  expect(ids.queued).toBeGreaterThan(0);

  ids.scheduled = store("scheduled", "private");
  queue.enqueue(ids.scheduled, { notBefore: Date.now() + DAY });

  ids.removed = store("removed", "private");
  queue.remove(queue.enqueue(ids.removed).item.id);

  ids.failed = store("failed", "private");
  const failing = queue.enqueue(ids.failed).item;
  h.fake.failNext("sendMessage", {
    errorCode: 400,
    description: "Bad Request: message is too long",
  });
  expect(await publisher.postNow(failing.id)).toMatchObject({ status: "failed" });

  queue.pause();
  ids.paused = store("paused", "private");
  queue.enqueue(ids.paused);
  return ids;
}

/** Every message text the bot sent to a chat, after `from` messages. */
const textsTo = (h: BotHarness, chatId: number, from = 0) =>
  h.fake
    .messages(chatId)
    .slice(from)
    .map((m) => m.text)
    .join("\n");

function expectOnlyPublic(text: string) {
  expect(text).toContain(headline("archived"));
  expect(text).toContain(headline("posted"));
  for (const kind of PRIVATE) expect(text).not.toContain(headline(kind));
}

describe("nothing is public before the channel has it", () => {
  it("/latest and its pages show only posted and archived stories", async () => {
    const { h, publishing } = await start();
    await newsroomDay(h, publishing);
    await h.send(privateMessage("/latest 20", { from: READER }));
    expectOnlyPublic(lastMessage(h, READER.id).text);

    await h.send(privateMessage("/latest 1", { from: READER }));
    const first = lastMessage(h, READER.id);
    const pages = [first.text];
    await h.send(
      callbackQuery(button(first, "More").data, {
        from: READER,
        message: { chatId: READER.id, messageId: first.messageId },
      }),
    );
    pages.push(lastMessage(h, READER.id).text);
    expectOnlyPublic(pages.join("\n"));
    // Two public stories, one a page: the second page is the last.
    expect(() => button(lastMessage(h, READER.id), "More")).toThrow();
  });

  it("/search and its pages find only what is public", async () => {
    const { h, publishing } = await start();
    await newsroomDay(h, publishing);
    for (let i = 0; i < 5; i++) {
      h.deps.articles.store({
        title: `Older harbour note ${i}`,
        body: `An older note about the harbour, number ${i}, from the archive.`,
        publishedAt: Date.now() - (i + 2) * DAY,
      });
    }
    await h.send(privateMessage("/search harbour", { from: READER }));
    const first = lastMessage(h, READER.id);
    await h.send(
      callbackQuery(button(first, "Next").data, {
        from: READER,
        message: { chatId: READER.id, messageId: first.messageId },
      }),
    );
    const second = lastMessage(h, READER.id);
    expectOnlyPublic(`${first.text}\n${second.text}`);
    expect(`${first.text}\n${second.text}`.match(/Older harbour note/g)).toHaveLength(5);
    for (const kind of PRIVATE) {
      await h.send(privateMessage(`/search ${kind}`, { from: READER }));
      expect(lastMessage(h, READER.id).text).not.toContain(headline(kind));
    }
  });

  it("/summary (digest and by ID) and /start a<ID> know nothing of private stories", async () => {
    const { h, publishing } = await start();
    const ids = await newsroomDay(h, publishing);
    await h.send(privateMessage("/summary", { from: READER }));
    expectOnlyPublic(lastMessage(h, READER.id).text);
    for (const kind of PRIVATE) {
      await h.send(privateMessage(`/summary ${ids[kind]}`, { from: READER }));
      expect(lastMessage(h, READER.id).text).toBe(
        `There is no article ${ids[kind]} in the archive.`,
      );
      await h.send(privateMessage(`/start a${ids[kind]}`, { from: READER }));
      expect(lastMessage(h, READER.id).text).toBe(
        `There is no article ${ids[kind]} in the archive.`,
      );
    }
    await h.send(privateMessage(`/summary ${ids.posted}`, { from: READER }));
    expect(lastMessage(h, READER.id).text).toContain(headline("posted"));
    await h.send(privateMessage(`/start a${ids.archived}`, { from: READER }));
    expect(lastMessage(h, READER.id).text).toContain(headline("archived"));
  });

  it("inline mode shares only public stories, also when an editor asks", async () => {
    const { h, publishing } = await start();
    const ids = await newsroomDay(h, publishing);
    for (const [query, from] of [
      ["", READER],
      ["harbour", READER],
      ["harbour", EDITOR],
    ] as const) {
      await h.send(inlineQuery(query, { from }));
      const call = h.fake.callsTo("answerInlineQuery").at(-1)!;
      const raw = call.payload.results;
      const results = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ id: string }>;
      expect(results.map((r) => r.id).sort()).toEqual(
        [`a${ids.archived}`, `a${ids.posted}`].sort(),
      );
    }
  });

  it("shows editors in their private chat everything, marked as not yet public", async () => {
    const { h, publishing } = await start();
    const ids = await newsroomDay(h, publishing);
    const before = h.fake.messages(EDITOR.id).length;
    await h.send(privateMessage("/latest 20", { from: EDITOR }));
    await h.send(privateMessage("/search harbour", { from: EDITOR }));
    const seen = textsTo(h, EDITOR.id, before);
    for (const kind of PRIVATE) {
      expect(seen).toContain(`🔒 not yet public: ${headline(kind)}`);
    }
    expect(seen).not.toContain(`🔒 not yet public: ${headline("posted")}`);
    await h.send(privateMessage(`/start a${ids.scheduled}`, { from: EDITOR }));
    const [note, post] = h.fake.messages(EDITOR.id).slice(-2);
    expect(note!.text).toBe("🔒 not yet public");
    expect(post!.text).toContain(headline("scheduled"));
  });

  it("lets an editor make a removed story public by hand; readers cannot", async () => {
    const { h, publishing } = await start();
    const ids = await newsroomDay(h, publishing);
    await h.send(privateMessage(`/start a${ids.removed}`, { from: EDITOR }));
    const [note] = h.fake.messages(EDITOR.id).slice(-2);
    const data = button(note!, "Make public now").data;
    await h.send(
      callbackQuery(data, {
        from: READER,
        message: { chatId: EDITOR.id, messageId: note!.messageId },
      }),
    );
    await h.send(privateMessage(`/summary ${ids.removed}`, { from: READER }));
    expect(lastMessage(h, READER.id).text).toMatch(/^There is no article/);
    await h.send(
      callbackQuery(data, {
        from: EDITOR,
        message: { chatId: EDITOR.id, messageId: note!.messageId },
      }),
    );
    expect(h.fake.messages(EDITOR.id).find((m) => m.messageId === note!.messageId)!.text).toBe(
      `🔓 Article ${ids.removed} is public: readers see it in /latest and /search.`,
    );
    await h.send(privateMessage(`/summary ${ids.removed}`, { from: READER }));
    expect(lastMessage(h, READER.id).text).toContain(headline("removed"));
  });

  it("makes a queued story public the moment the channel has it", async () => {
    const { h, publishing } = await start();
    const ids = await newsroomDay(h, publishing);
    await h.send(privateMessage(`/summary ${ids.queued}`, { from: READER }));
    expect(lastMessage(h, READER.id).text).toMatch(/^There is no article/);
    const item = publishing.queue.list().find((i) => i.articleId === ids.queued)!;
    expect(await publishing.publisher.postNow(item.id)).toMatchObject({ status: "posted" });
    await h.send(privateMessage(`/summary ${ids.queued}`, { from: READER }));
    expect(lastMessage(h, READER.id).text).toContain(headline("queued"));
  });
});
