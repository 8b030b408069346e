/**
 * Publishing benchmark against the fake Bot API with Telegram's limits on.
 *
 * 1. Throughput to one channel: 150 queued articles, the publisher running scheduled runs back
 *    to back for 5 minutes of a clock that runs 10× faster than real time (so it takes 30 s):
 *    the fake server, the pacer and the publisher all read that clock, and the pacer sleeps
 *    1/10 of the real time. Printed: posts per minute, the most posts in any 60 s window
 *    (Telegram allows 20) and the 429 answers the bot saw (target 0).
 * 2. Cost per post in the bot: CPU time (process.cpuUsage) per formatted and sent post, with
 *    the fake server in a child process so its work is not counted; and formatPost alone.
 *
 * Run: npx tsx bench/publish-bench.ts
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Api, type Transformer } from "grammy";
import { installApiTransformers } from "../src/bot/telegram/api-transformers.js";
import { createTelegramGateway } from "../src/bot/telegram/telegram-gateway.js";
import { createDeliveryRepository } from "../src/db/delivery-repository.js";
import { silentLogger } from "../src/logger.js";
import { formatPost } from "../src/publishing/format-post.js";
import { createPacer } from "../src/publishing/pacer.js";
import { createPublisher } from "../src/publishing/publisher.js";
import { startFakeBotApi, TEST_TOKEN } from "../src/sandbox/fake-bot-api.js";
import { buildArticle, FORMAT, sentences } from "../tests/publishing/article-builder.js";
import { CHANNEL, setupPublishing } from "../tests/publishing/publishing-setup.js";

const SCALE = 10;
const SCALED_MINUTES = 5;
const MINUTE = 60_000;

/** An Api wired like the bot's, plus a counter of raw 429 answers (inside the retries). */
function botApi(apiRoot: string) {
  const api = new Api(TEST_TOKEN, { apiRoot });
  let refused = 0;
  const count429: Transformer = async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 429) refused++;
    return result;
  };
  api.config.use(count429);
  installApiTransformers(api);
  return { api, refused: () => refused };
}

function wire(
  apiRoot: string,
  options: { now?: () => number; sleep?: (ms: number) => Promise<void>; limit?: number },
) {
  const storage = setupPublishing(options.now ? { now: options.now } : {});
  const { api, refused } = botApi(apiRoot);
  const publisher = createPublisher({
    queue: storage.queueRepo,
    delivery: createDeliveryRepository(storage.db),
    articles: storage.articlesRepo,
    pauseState: storage.pauseState,
    gateway: createTelegramGateway(api),
    channel: CHANNEL,
    adminIds: [],
    format: FORMAT,
    pacer: createPacer({ limit: options.limit ?? 20, now: options.now, sleep: options.sleep }),
    logger: silentLogger(),
    ...(options.now ? { now: options.now } : {}),
  });
  return { storage, publisher, refused };
}

async function throughput() {
  const start = Date.now();
  const now = () => start + (Date.now() - start) * SCALE;
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / SCALE));
  const fake = await startFakeBotApi({ now });
  const { storage, publisher, refused } = wire(fake.apiRoot, { now, sleep });
  for (let i = 0; i < 150; i++)
    storage.queue.enqueue(storage.addArticle(`Throughput ${i}`, sentences(6)));
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), (SCALED_MINUTES * MINUTE) / SCALE);
  while (!stop.signal.aborted) await publisher.publishDue(1000, stop.signal);
  clearTimeout(timer);
  const sends = fake
    .callsTo("sendMessage")
    .filter((c) => c.ok)
    .map((c) => c.at);
  let busiest = 0;
  for (const [i, t] of sends.entries())
    busiest = Math.max(busiest, sends.filter((u, j) => j >= i && u < t + MINUTE).length);
  await publisher.shutdown();
  await fake.close();
  return {
    posted: sends.length,
    perMinute: sends.length / SCALED_MINUTES,
    busiest,
    refused: refused(),
  };
}

/** Starts the fake server in a child process (this file with --serve-fake) and reads its apiRoot. */
function fakeInChild(): Promise<{ apiRoot: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--serve-fake"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`fake server exited with ${code}`)));
    child.stdout!.once("data", (chunk: Buffer) =>
      resolve({ apiRoot: chunk.toString().trim(), child }),
    );
  });
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function costPerPost() {
  const { apiRoot, child } = await fakeInChild();
  const { storage, publisher } = wire(apiRoot, { limit: Number.POSITIVE_INFINITY });
  const posts = 300;
  for (let i = 0; i < posts; i++)
    storage.queue.enqueue(storage.addArticle(`Cost ${i}`, sentences(12)));
  await publisher.publishDue(10); // warm-up
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const done = await publisher.publishDue(posts);
  const result = {
    perPost: cpuMs(cpu) / done.length,
    wallPerPost: (performance.now() - wall) / done.length,
  };
  await publisher.shutdown();
  child.removeAllListeners("exit");
  child.kill();
  return result;
}

function formatCost() {
  const typical = buildArticle({
    body: Array.from({ length: 6 }, () => sentences(5)).join("\n\n"),
  });
  const huge = buildArticle({ body: Array.from({ length: 40 }, () => sentences(12)).join("\n\n") });
  const measure = (article: typeof typical, runs: number) => {
    for (let i = 0; i < 50; i++) formatPost(article, FORMAT);
    const cpu = process.cpuUsage();
    for (let i = 0; i < runs; i++) formatPost(article, FORMAT);
    return (cpuMs(cpu) * 1000) / runs;
  };
  return {
    typical: measure(typical, 2000),
    huge: measure(huge, 200),
    hugeLength: huge.body.length,
  };
}

/** Prints the publishing benchmark table. */
export async function run(): Promise<void> {
  const t = await throughput();
  const c = await costPerPost();
  const f = formatCost();
  const rows: Array<[string, string, string]> = [
    ["posts to one channel per minute", t.perMinute.toFixed(1), "average; target 20 (the limit)"],
    ["most posts in any 60 s window", String(t.busiest), "must stay ≤ 20"],
    ["429 answers seen by the bot", String(t.refused), "target 0"],
    ["posts delivered in the run", String(t.posted), `${SCALED_MINUTES} min on a ×${SCALE} clock`],
    [
      "CPU per formatted+sent post (bot side)",
      `${c.perPost.toFixed(2)} ms`,
      "fake server in another process",
    ],
    [
      "wall time per post, no pacing",
      `${c.wallPerPost.toFixed(2)} ms`,
      "local HTTP round trip included",
    ],
    ["CPU per formatPost, typical article", `${f.typical.toFixed(0)} µs`, "6 paragraphs"],
    [
      "CPU per formatPost, long article",
      `${f.huge.toFixed(0)} µs`,
      `${f.hugeLength} chars, cut to 4,096`,
    ],
  ];
  const width = [0, 1, 2].map((i) =>
    Math.max(...rows.map((r) => r[i]!.length), ["measure", "value", "note"][i]!.length),
  );
  const line = (r: readonly string[]) =>
    `| ${r.map((cell, i) => cell.padEnd(width[i]!)).join(" | ")} |`;
  console.log("\nPublishing\n");
  console.log(line(["measure", "value", "note"]));
  console.log(line(width.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line(r));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === "--serve-fake") {
    const fake = await startFakeBotApi({ channelPostsPerMinute: 1e9, globalPerSecond: 1e9 });
    process.stdout.write(`${fake.apiRoot}\n`);
  } else {
    await run();
  }
}
