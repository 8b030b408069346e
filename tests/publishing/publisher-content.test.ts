import { afterEach, describe, expect, it, vi } from "vitest";
import { createPacer } from "../../src/publishing/pacer.js";
import { type Harness, startHarness } from "./publisher-harness.js";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const longParagraph = "word ".repeat(2000).trim();

describe("hostile articles", () => {
  const hostile: Array<[string, string, string]> = [
    [
      "script tag",
      "<script>alert('x')</script>",
      "Body with <script>document.cookie</script> inside.",
    ],
    ["comparison", "a < b & c > d", "If a < b & c > d then &amp; stays &lt;literal&gt;."],
    ["unbalanced tags", "<b>bold <i>never closed", "</b></i> closing first <a href='x'>link"],
    [
      "emoji",
      "🔥 Breaking 🇺🇦 news 👨‍👩‍👧",
      "Families 👨‍👩‍👧‍👦 and flags 🇪🇺 in every sentence. 🙂 Yes.",
    ],
    ["right-to-left", "عاجل: أخبار اليوم", "هذا نص عربي. ‏שלום עולם‏ mixed with English."],
    [
      "10,000-character paragraph",
      "A very long paragraph",
      `${longParagraph}\n\nSecond paragraph.`,
    ],
    [
      "20,000-character body",
      "A very long body",
      Array.from({ length: 40 }, () => `${"Sentence here. ".repeat(33)}`).join("\n\n"),
    ],
  ];

  it.each(hostile)("posts an article with %s cleanly", async (_, title, body) => {
    h = await startHarness();
    h.queue.enqueue(h.addArticle(title, body));
    expect(await h.publisher.publishDue(1)).toMatchObject([
      { status: "posted", plainFallback: false },
    ]);
    const post = h.posts()[0]!;
    expect(post.text.startsWith(title)).toBe(true);
    expect(post.entities[0]).toEqual({ type: "bold", offset: 0, length: title.length });
    expect(post.text.length).toBeLessThanOrEqual(4096);
    expect(post.text.endsWith("read more in our Telegram-channel")).toBe(true);
  });
});

describe("edits follow the archive", () => {
  it("edits a posted article's message in place when its text changes", async () => {
    h = await startHarness();
    h.publisher.followEdits(h.articles);
    // The same guid: the article's own source changes its text.
    const stored = h.articles.store({
      title: "Evolving story",
      body: "First version of the text.",
      url: "https://news.example.org/evolving",
      guid: "evolving",
    });
    h.queue.enqueue(stored.article.id);
    await h.publisher.publishDue(1);

    h.articles.store({
      title: "Evolving story",
      body: "Second version, with more facts.",
      url: "https://news.example.org/evolving",
      guid: "evolving",
    });

    await vi.waitFor(() => expect(h.posts()[0]!.editCount).toBe(1));
    expect(h.posts()).toHaveLength(1);
    expect(h.posts()[0]!.text).toContain("Second version, with more facts.");
    expect(h.posts()[0]!.entities.map((e) => e.type)).toEqual([
      "bold",
      "text_link",
      "italic",
      "text_link",
    ]);
  });

  it("paces edits like posts: they count against the channel's limit", async () => {
    let clock = Date.now();
    const waits: number[] = [];
    const pacer = createPacer({
      limit: 2,
      windowMs: 60_000,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    h = await startHarness({ pacer, now: () => clock });
    const input = { title: "Paced", body: "First text.", guid: "paced" };
    h.queue.enqueue(h.articles.store(input).article.id);
    await h.publisher.publishDue(1);
    const second = h.articles.store({ ...input, body: "Second text." });
    expect(await h.publisher.syncEdit(second.article)).toMatchObject({ status: "edited" });
    expect(waits).toEqual([]);
    // A post and an edit filled the window of two: the next edit waits for it.
    const third = h.articles.store({ ...input, body: "Third text." });
    expect(await h.publisher.syncEdit(third.article)).toMatchObject({ status: "edited" });
    expect(waits.length).toBeGreaterThan(0);
    expect(h.posts()[0]!.text).toContain("Third text.");
  });

  it("edits a photo post's caption", async () => {
    h = await startHarness();
    const input = {
      title: "Pictured",
      body: "Short text.",
      url: "https://news.example.org/pic",
      imageUrl: "https://news.example.org/pic.jpg",
      guid: "pic",
    };
    h.queue.enqueue(h.articles.store(input).article.id);
    await h.publisher.publishDue(1);
    expect(h.posts()[0]!.kind).toBe("photo");

    const updated = h.articles.store({
      ...input,
      body: `Longer text now. ${"More detail. ".repeat(150)}`,
    });
    expect(await h.publisher.syncEdit(updated.article)).toMatchObject({ status: "edited" });
    const post = h.posts()[0]!;
    expect(post.text).toContain("Longer text now.");
    expect(post.text.length).toBeLessThanOrEqual(1024);
    expect(h.fake.callsTo("editMessageCaption")).toHaveLength(1);
  });

  it("treats 'message is not modified' as done", async () => {
    h = await startHarness();
    const { article } = h.articles.store({
      title: "Same",
      body: "Unchanged text here.",
      url: "https://news.example.org/same",
    });
    h.queue.enqueue(article.id);
    await h.publisher.publishDue(1);
    expect(await h.publisher.syncEdit(article)).toMatchObject({ status: "edited" });
    expect(h.fake.callsTo("editMessageText").at(-1)?.description).toMatch(
      /message is not modified/,
    );
  });

  it("leaves unposted articles alone", async () => {
    h = await startHarness();
    const { article } = h.articles.store({ title: "Queued only", body: "Not posted yet at all." });
    h.queue.enqueue(article.id);
    expect(await h.publisher.syncEdit(article)).toEqual({ status: "not-posted" });
  });
});

describe("pacing", () => {
  it("keeps a channel under its per-minute limit without ever being refused", async () => {
    // A clock running 120 times faster than real time: a minute passes in half a second.
    const start = Date.now();
    const now = () => start + (Date.now() - start) * 120;
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / 120));
    h = await startHarness({
      fake: { channelPostsPerMinute: 5, now },
      pacer: createPacer({ limit: 5, windowMs: 60_000, now, sleep }),
      now,
    });
    for (let i = 1; i <= 12; i++) h.queue.enqueue(h.addArticle(`Paced ${i}`));

    const outcomes = await h.publisher.publishDue(12);

    expect(outcomes.every((o) => o.status === "posted")).toBe(true);
    expect(h.posts()).toHaveLength(12);
    expect(h.fake.calls.filter((c) => c.errorCode === 429)).toEqual([]);
  });
});
