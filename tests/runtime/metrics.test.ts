import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { installApiTransformers } from "../../src/bot/telegram/api-transformers.js";
import { createTelegramGateway } from "../../src/bot/telegram/telegram-gateway.js";
import { createMetrics } from "../../src/runtime/metrics.js";
import { type FakeBotApi, startFakeBotApi, TEST_TOKEN } from "../../src/sandbox/fake-bot-api.js";
import { TEST_CHANNEL } from "../support/updates.js";

const CHANNEL = `@${TEST_CHANNEL.username}`;
let fake: FakeBotApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** An Api wired as main.ts wires the channel's: attempts seen inside, calls outside the retries. */
function instrumentedApi(metrics: ReturnType<typeof createMetrics>, apiRoot: string): Api {
  const api = new Api(TEST_TOKEN, { apiRoot });
  api.config.use(metrics.innerTransformer);
  installApiTransformers(api);
  api.config.use(metrics.outerTransformer);
  return api;
}

const sources = { queueLength: () => 3, articleCount: () => 42, archiveBytes: () => 65_536 };
const value = (text: string, series: string) =>
  Number(
    text
      .split("\n")
      .find((l) => l.startsWith(`${series} `))
      ?.split(" ")[1],
  );

describe("/metrics", () => {
  it("counts 429s and the retries after them, and posts sent, failed and edited", async () => {
    fake = await startFakeBotApi();
    const metrics = createMetrics(sources);
    const gateway = metrics.instrumentGateway(
      createTelegramGateway(instrumentedApi(metrics, fake.apiRoot)),
    );
    fake.failNext(
      "sendMessage",
      { errorCode: 429, description: "Too Many Requests: retry after 1", retryAfter: 1 },
      1,
    );
    const sent = await gateway.sendPost(CHANNEL, { kind: "text", text: "First", format: "plain" });
    await gateway.editPost(CHANNEL, sent.messageId, {
      kind: "text",
      text: "First, corrected",
      format: "plain",
    });
    fake.failNext("sendMessage", { errorCode: 400, description: "Bad Request: nope" }, 1);
    await expect(
      gateway.sendPost(CHANNEL, { kind: "text", text: "Second", format: "plain" }),
    ).rejects.toThrow(/nope/);

    const text = await metrics.render();
    expect(value(text, "newsroom_telegram_429_total")).toBe(1);
    expect(value(text, 'newsroom_telegram_retries_total{method="sendMessage"}')).toBe(1);
    expect(value(text, 'newsroom_posts_total{outcome="sent"}')).toBe(1);
    expect(value(text, 'newsroom_posts_total{outcome="edited"}')).toBe(1);
    expect(value(text, 'newsroom_posts_total{outcome="failed"}')).toBe(1);
    expect(fake.messages(CHANNEL).map((m) => m.text)).toEqual(["First, corrected"]);
  });

  it("counts feed fetches by outcome and reads queue and archive size when scraped", async () => {
    const metrics = createMetrics(sources);
    metrics.recordFeedPolls([
      { feedId: 1, status: "ok", found: 3, created: 1, queued: 1, updated: 0, refused: [] },
      { feedId: 2, status: "not-modified" },
      { feedId: 3, status: "failed", error: "the server answered 500" },
      { feedId: 4, status: "failed", error: "timeout" },
    ]);
    const text = await metrics.render();
    expect(value(text, 'newsroom_feed_fetches_total{outcome="ok"}')).toBe(1);
    expect(value(text, 'newsroom_feed_fetches_total{outcome="not_modified"}')).toBe(1);
    expect(value(text, 'newsroom_feed_fetches_total{outcome="failed"}')).toBe(2);
    expect(value(text, "newsroom_queue_length")).toBe(3);
    expect(value(text, "newsroom_archive_articles")).toBe(42);
    expect(value(text, "newsroom_archive_bytes")).toBe(65_536);
    expect(text).toContain("# TYPE newsroom_command_duration_seconds histogram");
    expect(text).toContain("process_cpu_seconds_total");
  });
});
