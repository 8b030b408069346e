import { get } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type SandboxHarness, startSandboxHarness } from "./sandbox-harness.js";

let h: SandboxHarness | undefined;
afterEach(async () => {
  await h?.sandbox.close();
  h = undefined;
});

const EDITOR_CHAT = "u1001";
const text = (m: { text: string }) => m.text;

describe("the sandbox", () => {
  it("runs the bot on its own database with its own editors when ADMIN_IDS is empty", async () => {
    h = await startSandboxHarness({ DATABASE_PATH: "data/live-news.db" });
    expect(h.sandbox.config.databasePath).not.toBe("data/live-news.db");
    expect(h.sandbox.config.databasePath).toMatch(/sandbox\.db$/);
    const state = await h.api<{
      people: Array<{ key: string; chat: string }>;
      sample: { offered: boolean };
    }>("/api/state");
    expect(state.sample.offered).toBe(true);
    expect(state.people.map((p) => p.key)).toEqual([
      "editor-en",
      "editor-ru",
      "reader-en",
      "reader-ru",
    ]);

    await h.api("/api/send", { person: "editor-en", text: "/queue" });
    const reply = await h.waitForBubble(EDITOR_CHAT, (m) => m.from === "bot");
    expect(reply.text).toMatch(/queue is empty/i);
    const menu = await h.api<{ commands: Array<{ command: string }> }>(
      "/api/commands?person=editor-en",
    );
    expect(menu.commands.map((c) => c.command)).toContain("postnow");
    const readerMenu = await h.api<{ commands: Array<{ command: string; description: string }> }>(
      "/api/commands?person=reader-ru",
    );
    expect(readerMenu.commands.map((c) => c.command)).not.toContain("postnow");
    expect(readerMenu.commands.find((c) => c.command === "search")?.description).toMatch(/Поиск/);
  });

  it("loads the sample newsroom and serves its feed, which /addfeed accepts while other local feeds stay refused", async () => {
    h = await startSandboxHarness();
    expect(await h.api("/api/sample", { load: true })).toEqual({ stored: 12, queued: 2 });
    const { sample } = await h.api<{ sample: { offered: boolean; feedUrl: string } }>("/api/state");
    expect(sample.offered).toBe(false);

    await h.api("/api/send", { person: "editor-en", text: `/addfeed ${sample.feedUrl}` });
    const added = await h.waitForBubble(EDITOR_CHAT, (m) => /Feed .* added/.test(m.text));
    expect(added.text).toContain("Riverton Courier (sample feed)");

    const neighbour = sample.feedUrl.replace("/sample/feed.xml", "/sample/other.xml");
    await h.api("/api/send", { person: "editor-en", text: `/addfeed ${neighbour}` });
    const refused = await h.waitForBubble(EDITOR_CHAT, (m) => m.text.includes("not added"));
    expect(refused.text).toMatch(/loopback address/);

    const queueLength = async () => {
      const before = (await h!.chat(EDITOR_CHAT)).length;
      await h!.api("/api/send", { person: "editor-en", text: "/queue" });
      const queue = await h!.waitForBubble(
        EDITOR_CHAT,
        (m) => m.seq > before && m.text.startsWith("Publication queue"),
      );
      return Number(/(\d+) waiting/.exec(queue.text)?.[1]);
    };
    const waiting = await queueLength();
    const story = await h.api<{ title: string }>("/api/sample-feed/story", {});
    const feed = await (await fetch(sample.feedUrl)).text();
    const link = new RegExp(`<title>${story.title}</title><link>([^<]+)</link>`).exec(feed)?.[1];
    expect(await (await fetch(link!)).text()).toContain(`<h1>${story.title}</h1>`);
    const polled = await h.api<{ results: Array<{ created?: number }> }>("/api/feeds/poll", {});
    expect(polled.results[0]?.created).toBe(1);
    expect(await queueLength()).toBe(waiting + 1);
  });

  it("keeps the sample's queued stories out of readers' /latest until the channel has them", async () => {
    h = await startSandboxHarness();
    await h.api("/api/sample", { load: true });
    await h.api("/api/send", { person: "reader-en", text: "/latest 20" });
    const latest = await h.waitForBubble("u2001", (m) => m.from === "bot");
    expect(latest.text).toContain("Riverton harbour ferry returns after a two-year refit");
    expect(latest.text).not.toContain("One ticket for trams, buses and the ferry from July");
    expect(latest.text).not.toContain("Weather service warns of the first heatwave of the summer");
  });

  it("shows a 429 inline in the channel, then the post that got through after the retry", async () => {
    h = await startSandboxHarness();
    await h.api("/api/sample", { load: true });
    await h.api("/api/trouble", { kind: "429" });
    await h.api("/api/send", { person: "editor-en", text: "/postnow" });
    const post = await h.waitForBubble("channel", (m) => m.from === "channel");
    const channel = await h.chat("channel");
    const refusal = channel.find((m) => m.kind === "refusal");
    expect(refusal?.refusal).toEqual({
      method: "sendMessage",
      code: 429,
      description: "Too Many Requests: retry after 3",
      retryAfter: 3,
    });
    expect(refusal!.seq).toBeLessThan(post.seq);
    expect(post.entities[0]).toMatchObject({ type: "bold", offset: 0 });
  }, 30_000);

  it("answers posts with 403 once the bot is removed from the channel, and the editors are told", async () => {
    h = await startSandboxHarness();
    await h.api("/api/sample", { load: true });
    expect(await h.api("/api/channel", { removed: true })).toEqual({ removed: true });
    await h.api("/api/send", { person: "editor-en", text: "/postnow" });
    const refusal = await h.waitForBubble("channel", (m) => m.kind === "refusal");
    expect(refusal.refusal).toMatchObject({
      code: 403,
      description: "Forbidden: bot is not a member of the channel chat",
    });
    const notice = await h.waitForBubble(EDITOR_CHAT, (m) => /Publishing is paused/.test(m.text));
    expect(text(notice)).toMatch(/Publishing is paused/);
    expect((await h.chat("channel")).filter((m) => m.from === "channel")).toEqual([]);
  }, 30_000);

  it("streams what happens to the page as server-sent events", async () => {
    h = await startSandboxHarness();
    const response = await fetch(`${h.sandbox.url}/api/events`);
    const reader = response.body!.getReader();
    await h.api("/api/send", { person: "reader-en", text: "/help" });
    let received = "";
    while (!received.includes('"from":"bot"')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    await reader.cancel();
    expect(received).toContain('"chat":"u2001"');
    expect(received).toMatch(/data: \{"type":"message"/);
  });

  it("answers only pages served from its own address, and only JSON writes", async () => {
    h = await startSandboxHarness();
    const { port } = new URL(h.sandbox.url);
    const rebound = await new Promise<number | undefined>((resolve, reject) =>
      get(
        { host: "127.0.0.1", port, path: "/api/state", headers: { host: `evil.example:${port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      ).on("error", reject),
    );
    expect(rebound).toBe(403);
    const form = await fetch(`${h.sandbox.url}/api/send`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "person=editor-en&text=%2Fpause",
    });
    expect(form.status).toBe(403);
    expect(await h.chat(EDITOR_CHAT)).toEqual([]);
    await expect(h.api("/api/send", { person: "nobody", text: "/start" })).rejects.toThrow(
      /400 choose who you are/,
    );
    await expect(h.api("/api/send", { person: "reader-en", text: "   " })).rejects.toThrow(
      /400 type something first/,
    );
    await expect(h.api("/api/nothing-here")).rejects.toThrow(/404/);
    expect((await fetch(`${h.sandbox.url}/`)).headers.get("content-type")).toMatch(/text\/html/);
  });
});
