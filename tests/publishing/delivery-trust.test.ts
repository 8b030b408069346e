import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramGateway } from "../../src/bot/telegram/telegram-gateway.js";
import { openDatabase } from "../../src/db/connection.js";
import { createDeliveryRepository } from "../../src/db/delivery-repository.js";
import { migrate } from "../../src/db/migrate.js";
import { silentLogger } from "../../src/logger.js";
import { createPacer } from "../../src/publishing/pacer.js";
import { createPublisher } from "../../src/publishing/publisher.js";
import { holdWriteLock, type WriteLock } from "../support/write-lock.js";
import { CHANNEL_URL, EDITORS, type Harness, startHarness } from "./publisher-harness.js";

let h: Harness | undefined;
let lock: WriteLock | undefined;
afterEach(async () => {
  await lock?.stop();
  lock = undefined;
  await h?.close();
  h = undefined;
});

/** The buttons under a message, as [text, callback data] pairs. */
function buttons(message: { replyMarkup?: unknown }): string[][] {
  const markup = message.replyMarkup as
    | { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
    | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data]);
}

function expectEditorsAsked(harness: Harness, title: string, itemId: number): void {
  for (const editor of EDITORS) {
    const notes = harness.privateMessages(editor);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.text).toContain(`Is this post in the channel?\n«${title}» (item #${itemId})`);
    expect(buttons(notes[0]!)).toEqual([
      ["It is in the channel", `e:oc:${itemId}`],
      ["Send it again", `e:os:${itemId}`],
    ]);
  }
}

describe("a post whose answer is lost after Telegram took it", () => {
  it.each([
    ["the connection closes after the request", "accepted-then-closed", /ECONNRESET/],
    ["the answer is not JSON", "accepted-invalid-json", /not valid JSON/],
    ["the answer is cut off half-way", "accepted-cut", /no answer in time/],
    ["the answer never comes", "accepted-held", /no answer in time/],
  ] as const)(
    "is held and the editors asked when %s; never sent twice",
    async (_case, failure, reason) => {
      h = await startHarness();
      h.queue.enqueue(h.addArticle("Breaking: bridge closed"));
      h.fake.failNext("sendMessage", failure);

      const started = Date.now();
      const [outcome] = await h.publisher.publishDue(1);

      expect(outcome).toMatchObject({ status: "unknown" });
      expect(outcome!.status === "unknown" && outcome!.reason).toMatch(reason);
      // The client timeout for channel posts is short: a stall costs seconds, not a minute.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(h.posts()).toHaveLength(1);
      expectEditorsAsked(h, "Breaking: bridge closed", outcome!.itemId);
      // Held: the next runs leave it alone.
      expect(await h.publisher.publishDue(5)).toEqual([]);
      expect(
        h.fake.callsTo("sendMessage").filter((c) => c.payload.chat_id === "@newsroom_test"),
      ).toHaveLength(1);
    },
  );

  it("is marked posted, not sent again, when an editor says it is in the channel", async () => {
    h = await startHarness();
    const articleId = h.addArticle("Storm warning");
    h.queue.enqueue(articleId);
    h.fake.failNext("sendMessage", "accepted-then-closed");
    const [held] = await h.publisher.publishDue(1);

    const answer = await h.publisher.resolveUnknown(held!.itemId, "in-channel", EDITORS[0]!);
    const late = await h.publisher.resolveUnknown(held!.itemId, "send-again", EDITORS[1]!);

    expect(answer).toEqual({ status: "recorded", choice: "in-channel", title: "Storm warning" });
    expect(late).toEqual({
      status: "already-decided",
      title: "Storm warning",
      choice: "in-channel",
    });
    expect(h.posts()).toHaveLength(1);
    expect(h.queueRepo.findPosted(articleId, "@newsroom_test")).toMatchObject({ state: "posted" });
    expect(createDeliveryRepository(h.db).find(held!.itemId)).toMatchObject({
      editorChoice: "in-channel",
      editorChoiceBy: EDITORS[0],
      unknownSince: null,
    });
  });

  it("is sent again at once when an editor asks for it", async () => {
    h = await startHarness();
    h.queue.enqueue(h.addArticle("Lost in transit"));
    h.queue.enqueue(h.addArticle("Next story"));
    h.fake.failNext("sendMessage", "accepted-invalid-json");
    const [held] = await h.publisher.publishDue(1);

    const answer = await h.publisher.resolveUnknown(held!.itemId, "send-again", EDITORS[1]!);

    expect(answer).toMatchObject({ status: "sent-again", outcome: { status: "posted" } });
    expect(h.posts().map((p) => p.text.split("\n")[0])).toEqual([
      "Lost in transit",
      "Lost in transit",
    ]);
    expect(h.queue.list().map((i) => i.title)).toEqual(["Next story"]);
  });
});

describe("the in-flight rule across restarts", () => {
  it("sends an interrupted post again once, and asks the editors when it is interrupted again", async () => {
    h = await startHarness();
    const id = h.addArticle("Twice interrupted");
    const item = h.queue.enqueue(id);
    const itemId = item.status === "queued" ? item.item.id : 0;

    // The publisher claims an item before sending; a crash leaves it claimed.
    h.queueRepo.claim(itemId, Date.now());
    await h.publisher.recoverInterrupted();
    expect(h.queue.list()).toMatchObject([{ id: itemId, state: "queued" }]);
    expect(h.privateMessages(EDITORS[0]!)[0]!.text).toMatch(
      /stopped while posting «Twice interrupted»/,
    );

    h.queueRepo.claim(itemId, Date.now());
    await h.publisher.recoverInterrupted();
    expect(h.queue.list()).toMatchObject([{ id: itemId, state: "sending" }]);
    expect(await h.publisher.publishDue(1)).toEqual([]);
    expect(h.posts()).toEqual([]);
    for (const editor of EDITORS) {
      const question = h.privateMessages(editor).at(-1)!;
      expect(question.text).toMatch(/interrupted by a restart twice in a row/);
      expect(buttons(question)).toHaveLength(2);
    }
  });
});

describe("a busy database", () => {
  it("records 'posted' once the write lock is free, without sending the post again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsroom-busy-"));
    const path = join(dir, "news.db");
    const db = openDatabase(path);
    migrate(db);
    h = await startHarness({ db });
    const articleId = h.addArticle("Written while locked");
    h.queue.enqueue(articleId);
    // Right after Telegram accepts the post, another connection takes the write lock for 1.5 s:
    // far longer than the bot's busy timeout.
    h.api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (method === "sendMessage" && !lock) {
        lock = holdWriteLock(path);
        await lock.held;
        setTimeout(() => void lock?.stop(), 1500);
      }
      return result;
    });

    const [outcome] = await h.publisher.publishDue(1);
    await h.publisher.publishDue(1);

    expect(outcome).toMatchObject({ status: "posted" });
    expect(h.posts()).toHaveLength(1);
    expect(h.queueRepo.findPosted(articleId, "@newsroom_test")).toMatchObject({
      messageId: h.posts()[0]!.messageId,
    });
  });
});

describe("pacing after restarts", () => {
  it("counts sends whose answer was lost, so a restart provokes no 429", async () => {
    let clock = Date.parse("2024-03-04T08:00:00Z");
    const now = () => clock;
    const sleep = async (ms: number) => {
      clock += ms;
    };
    h = await startHarness({ fake: { channelPostsPerMinute: 3, now }, now });
    for (const title of ["One", "Two", "Three", "Four"]) h.queue.enqueue(h.addArticle(title));
    h.fake.failNext("sendMessage", "accepted-then-closed", 2);
    await h.publisher.publishDue(1);
    await h.publisher.publishDue(1);
    await h.publisher.publishDue(1);

    // A restart: a new publisher with a fresh pacer over the same database.
    const restarted = createPublisher({
      queue: h.queueRepo,
      delivery: createDeliveryRepository(h.db),
      articles: h.articlesRepo,
      pauseState: h.pauseState,
      gateway: createTelegramGateway(h.api),
      channel: "@newsroom_test",
      adminIds: EDITORS,
      format: { channelUrl: CHANNEL_URL, footer: "read more", timezone: "UTC" },
      pacer: createPacer({ limit: 3, windowMs: 60_000, now, sleep }),
      logger: silentLogger(),
      now,
    });
    const startedAt = clock;
    expect(await restarted.publishDue(1)).toMatchObject([{ status: "posted" }]);
    expect(clock - startedAt).toBeGreaterThanOrEqual(60_000);
    expect(h.fake.calls.filter((c) => c.errorCode === 429)).toEqual([]);
    await restarted.shutdown();
  });
});
