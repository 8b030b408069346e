import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CHANNEL_URL, EDITORS, type Harness, startHarness } from "./publisher-harness.js";

let h: Harness;

/** A local port where nothing listens: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
afterEach(async () => {
  await h?.close();
});

describe("publishing a queued article", () => {
  it("posts it once, in house style", async () => {
    h = await startHarness();
    const id = h.addArticle(
      "Talks <resume> in Geneva",
      "Delegates met on Monday, reports Reuters.",
    );
    h.queue.enqueue(id);

    const outcomes = await h.publisher.publishDue(1);
    await h.publisher.publishDue(1);

    expect(outcomes).toMatchObject([{ status: "posted", articleId: id }]);
    const posts = h.posts();
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.text).toBe(
      "Talks <resume> in Geneva\n\nDelegates met on Monday, reports Reuters.\n\n" +
        "9:58 23.02.2023 · Example News\nread more in our Telegram-channel",
    );
    const title = "Talks <resume> in Geneva";
    const footerAt = post.text.indexOf("read more");
    expect(post.entities).toEqual([
      { type: "bold", offset: 0, length: title.length },
      {
        type: "text_link",
        offset: 0,
        length: title.length,
        url: expect.stringMatching(/^https:\/\/news\.example\.org\/s\/\d+$/),
      },
      { type: "italic", offset: post.text.indexOf("9:58"), length: "9:58 23.02.2023".length },
      {
        type: "text_link",
        offset: footerAt,
        length: "read more in our Telegram-channel".length,
        url: CHANNEL_URL,
      },
    ]);
    expect(h.queue.list()).toEqual([]);
    expect(h.queueRepo.findPosted(id, "@newsroom_test")).toMatchObject({
      messageId: post.messageId,
    });
  });

  it("takes POSTS_PER_RUN due items per run, in queue order", async () => {
    h = await startHarness();
    for (const title of ["One", "Two", "Three", "Four", "Five"])
      h.queue.enqueue(h.addArticle(title));
    h.queue.enqueue(h.addArticle("Tomorrow"), { notBefore: Date.now() + 86_400_000 });
    h.queue.moveToTop(h.queue.list()[4]!.id);

    await h.publisher.publishDue(2);
    expect(h.posts().map((p) => p.text.split("\n")[0])).toEqual(["Five", "One"]);
    await h.publisher.publishDue(2);
    await h.publisher.publishDue(2);
    await h.publisher.publishDue(2);
    expect(h.posts().map((p) => p.text.split("\n")[0])).toEqual([
      "Five",
      "One",
      "Two",
      "Three",
      "Four",
    ]);
    expect(h.queue.list().map((i) => i.title)).toEqual(["Tomorrow"]);
  });

  it("does nothing on schedule while paused, but posts now on request", async () => {
    h = await startHarness();
    h.queue.enqueue(h.addArticle("Held"));
    h.queue.pause();
    expect(await h.publisher.publishDue(5)).toEqual([]);
    expect(h.posts()).toHaveLength(0);
    expect(await h.publisher.postNow()).toMatchObject({ status: "posted" });
    expect(h.posts()).toHaveLength(1);
  });

  it("posts now (and previews) the first due item, as the next run would, not one scheduled for later", async () => {
    h = await startHarness();
    const later = h.queue.enqueue(h.addArticle("Embargoed until tomorrow"), {
      notBefore: Date.now() + 86_400_000,
    }).item;
    h.queue.enqueue(h.addArticle("Due now"));
    h.queue.pause();
    expect(h.publisher.previewNext()?.article.title).toBe("Due now");
    expect(await h.publisher.postNow()).toMatchObject({ status: "posted" });
    expect(h.posts().map((p) => p.text.split("\n")[0])).toEqual(["Due now"]);

    // Only the embargoed one is left: nothing is due, and naming it needs the editor's "early".
    expect(h.publisher.previewNext()).toBeUndefined();
    await expect(h.publisher.postNow()).rejects.toMatchObject({
      name: "NothingDueError",
      nextAt: later.notBefore,
    });
    await expect(h.publisher.postNow(later.id)).rejects.toMatchObject({
      name: "NotDueYetError",
      notBefore: later.notBefore,
    });
    expect(h.posts()).toHaveLength(1);
    expect(await h.publisher.postNow(later.id, { early: true })).toMatchObject({
      status: "posted",
    });
    expect(h.posts()).toHaveLength(2);
  });

  it("previews exactly what the next post sends", async () => {
    h = await startHarness();
    h.queue.enqueue(h.addArticle("Preview me", "A <b>body</b> & more."));
    const preview = h.publisher.previewNext()!;
    await h.publisher.postNow();
    expect(h.posts()[0]!.html).toBe(preview.post.html);
  });
});

describe("delivery trouble", () => {
  it("waits out a 429 and the post arrives once", async () => {
    h = await startHarness();
    h.queue.enqueue(h.addArticle("Flooded"));
    h.fake.failNext("sendMessage", {
      errorCode: 429,
      description: "Too Many Requests: retry after 1",
      retryAfter: 1,
    });
    expect(await h.publisher.publishDue(1)).toMatchObject([{ status: "posted" }]);
    expect(h.posts()).toHaveLength(1);
    expect(h.fake.callsTo("sendMessage").map((c) => c.errorCode ?? 200)).toEqual([429, 200]);
  });

  it("retries a 5xx and then posts", async () => {
    h = await startHarness();
    h.queue.enqueue(h.addArticle("Server trouble"));
    h.fake.failNext("sendMessage", { errorCode: 502, description: "Bad Gateway" });
    expect(await h.publisher.publishDue(1)).toMatchObject([{ status: "posted" }]);
    expect(h.posts()).toHaveLength(1);
  });

  it("retries when Telegram cannot be reached, and then posts", async () => {
    let down = 2;
    const dead = await closedPort();
    h = await startHarness({
      buildUrl: (root, token, method) =>
        `${down-- > 0 ? `http://127.0.0.1:${dead}` : root}/bot${token}/${method}`,
    });
    h.queue.enqueue(h.addArticle("Network blip"));
    expect(await h.publisher.publishDue(1)).toMatchObject([{ status: "posted" }]);
    expect(h.posts()).toHaveLength(1);
  });

  it("puts the item back in the queue when Telegram stays unreachable", async () => {
    let down = true;
    const dead = await closedPort();
    h = await startHarness({
      buildUrl: (root, token, method) =>
        `${down ? `http://127.0.0.1:${dead}` : root}/bot${token}/${method}`,
    });
    const id = h.addArticle("Offline");
    h.queue.enqueue(id);
    expect(await h.publisher.publishDue(1)).toMatchObject([{ status: "retry-later" }]);
    expect(h.queue.list()).toMatchObject([{ title: "Offline", state: "queued", attempts: 1 }]);
    expect(h.queue.list()[0]!.lastError).toMatch(/network/i);
    down = false;
    expect(h.queue.stats().lastDeliveryError?.message).toMatch(/network/i);
    expect(await h.publisher.publishDue(1)).toMatchObject([{ status: "posted" }]);
    expect(h.posts()).toHaveLength(1);
  });

  it("pauses on 403 and tells every editor once", async () => {
    h = await startHarness();
    h.fake.setChat("@newsroom_test", { type: "channel", botIsMember: false });
    h.queue.enqueue(h.addArticle("Nobody will see this"));
    h.queue.enqueue(h.addArticle("Nor this"));

    expect(await h.publisher.publishDue(2)).toMatchObject([{ status: "paused" }]);
    expect(h.queue.isPaused()).toBe(true);
    expect(await h.publisher.publishDue(2)).toEqual([]);
    expect(await h.publisher.postNow()).toMatchObject({ status: "paused" });

    for (const editor of EDITORS) {
      const notes = h.privateMessages(editor);
      expect(notes).toHaveLength(1);
      expect(notes[0]!.text).toMatch(/Publishing is paused.*@newsroom_test.*not a member/s);
    }
    expect(h.queue.list().map((i) => i.state)).toEqual(["queued", "queued"]);
  });

  it("pauses when the channel does not exist", async () => {
    h = await startHarness({ channel: "@no_such_channel" });
    h.queue.enqueue(h.addArticle("Lost channel"));
    expect(await h.publisher.publishDue(1)).toMatchObject([
      { status: "paused", reason: "Bad Request: chat not found" },
    ]);
    expect(h.queue.stats().paused).toMatchObject({
      by: "telegram",
      reason: "Bad Request: chat not found",
    });
    expect(h.privateMessages(EDITORS[0]!)).toHaveLength(1);
  });

  it("falls back to plain text when Telegram cannot parse the HTML", async () => {
    h = await startHarness();
    h.queue.enqueue(h.addArticle("Odd markup"));
    h.fake.failNext("sendMessage", {
      errorCode: 400,
      description: "Bad Request: can't parse entities: unsupported start tag at byte offset 4",
    });
    expect(await h.publisher.publishDue(1)).toMatchObject([
      { status: "posted", plainFallback: true },
    ]);
    const post = h.posts()[0]!;
    expect(post.entities).toEqual([]);
    expect(post.text).toMatch(
      /^Odd markup\nhttps:\/\/news\.example\.org\/s\/\d+\n\n[\s\S]*read more in our Telegram-channel: https:\/\/t\.me\/newsroom_test$/,
    );
  });

  it("marks an item failed with Telegram's reason on another 400, and goes on", async () => {
    h = await startHarness();
    h.queue.enqueue(h.addArticle("Refused"));
    h.queue.enqueue(h.addArticle("Fine"));
    h.fake.failNext("sendMessage", {
      errorCode: 400,
      description: "Bad Request: message is too long",
    });
    expect(await h.publisher.publishDue(2)).toMatchObject([
      { status: "failed" },
      { status: "posted" },
    ]);
    expect(h.queue.failed()).toMatchObject([
      { state: "failed", lastError: "Bad Request: message is too long" },
    ]);
    expect(h.posts().map((p) => p.text.split("\n")[0])).toEqual(["Fine"]);
  });
});
