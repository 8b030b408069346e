/**
 * `npm run bench -- load`: the bot under a breaking-news burst. The real entry point
 * (`src/main.ts`, long polling through @grammyjs/runner) runs as a child process against the
 * fake Bot API, which keeps Telegram's limits (30 sends a second overall, 20 a minute to the
 * channel, 429 beyond). 1,000 distinct readers send /search within 10 s (one in ten sends a
 * second one) while the channel has a post due every 4 s; then 200 inline queries in 5 s.
 * Prints readers answered, time to the last answer against the 30/s floor, 429s, replies out of
 * order, the channel posts' delay past due, peak RSS of the bot process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { User } from "grammy/types";
import { createArticleService } from "../src/articles/article-service.js";
import { createArticlesRepository } from "../src/db/articles-repository.js";
import { openDatabase } from "../src/db/connection.js";
import { migrate } from "../src/db/migrate.js";
import { createQueueRepository } from "../src/db/queue-repository.js";
import { type FakeBotApi, startFakeBotApi, TEST_TOKEN } from "../src/sandbox/fake-bot-api.js";
import { hasSharedFixtures, SHARED_FIXTURES } from "../tests/support/fixtures.js";
import { inlineQuery, privateMessage } from "../tests/support/updates.js";
import {
  countFixtureWords,
  createRandom,
  createVocabulary,
  makeArticle,
} from "./support/corpus.js";

const PROJECT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Another checkout to measure instead (e.g. the code before the send scheduler). */
const BOT_ROOT = process.env.LOAD_BENCH_BOT_ROOT ?? PROJECT;
const READERS = Number(process.env.LOAD_BENCH_READERS ?? 1000);
const BURST_MS = 10_000;
const SECOND_SEARCH_EVERY = 10;
const POST_EVERY_MS = 4000;
const INLINE_QUERIES = 200;
const INLINE_MS = 5000;
const ARCHIVE = 5000;
const CHANNEL = "@newsroom_test";
const EDITOR_ID = 111_111;
const GIVE_UP_MS = 180_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

/** Peak resident memory of a process so far (Linux), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

function prepareDatabase(path: string, firstDue: number, posts: number): string[] {
  const db = openDatabase(path);
  migrate(db);
  const vocab = createVocabulary(
    hasSharedFixtures ? countFixtureWords(SHARED_FIXTURES) : new Map(),
  );
  const articles = createArticleService({ db, articles: createArticlesRepository(db) });
  const end = Date.UTC(2026, 0, 1);
  for (let from = 0; from < ARCHIVE; from += 500) {
    articles.storeMany(
      Array.from({ length: 500 }, (_, i) => makeArticle(vocab, from + i, ARCHIVE, end)),
    );
  }
  const queue = createQueueRepository(db);
  for (let i = 0; i < posts; i++) {
    const { article } = articles.store({
      title: `Breaking update ${i + 1}`,
      body: `The situation develops. This is update number ${i + 1} of the evening.`,
    });
    queue.insert({
      articleId: article.id,
      channel: CHANNEL,
      position: i + 1,
      notBefore: firstDue + i * POST_EVERY_MS,
      at: Date.now(),
    });
  }
  db.close();
  const random = createRandom(7);
  return Array.from({ length: 400 }, () => vocab.draw(random));
}

/** The Node flags `npm start` gives the bot (heap sizes), so the figures are npm start's. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(BOT_ROOT, "package.json"), "utf8"));
  const words = String(pkg.scripts.start).split(/\s+/).slice(1);
  const flags: string[] = [];
  for (let i = 0; i < words.length && !words[i]!.endsWith(".ts"); i++) {
    if (words[i] === "--import") i++;
    else if (words[i]!.startsWith("--")) flags.push(words[i]!);
  }
  return flags;
}

function startBot(fake: FakeBotApi, dbPath: string): ChildProcess {
  const args = [...startFlags(), "--import", "tsx", join(BOT_ROOT, "src/main.ts")];
  const child = spawn(process.execPath, args, {
    cwd: BOT_ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_PATH: dbPath,
      CHANNEL_ID: CHANNEL,
      ADMIN_IDS: String(EDITOR_ID),
      POST_SCHEDULE: "* * * * * *",
      POSTS_PER_RUN: "1",
      FEED_SCHEDULE: "0 0 1 1 *",
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

const reader = (id: number): User => ({
  id,
  is_bot: false,
  first_name: `Reader ${id}`,
  language_code: "en",
});

interface Sent {
  readonly chatId: number;
  readonly query: string;
  readonly at: number;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "newsroom-load-"));
  const fake = await startFakeBotApi();
  const dbPath = join(dir, "news.db");
  const expectedPosts = Math.ceil((BURST_MS + 40_000) / POST_EVERY_MS);
  // The first post falls due once the bot is up and the burst starts.
  const bootMs = 15_000;
  const firstDue = Date.now() + bootMs + 2000;
  const words = prepareDatabase(dbPath, firstDue, expectedPosts);
  const bot = startBot(fake, dbPath);
  try {
    const ready = Date.now();
    while (!fake.polling) {
      if (Date.now() - ready > bootMs) throw new Error("the bot did not start polling");
      await sleep(50);
    }
    await sleep(Math.max(0, firstDue - 2000 - Date.now()));
    const idleRss = peakRssMb(bot.pid!);
    const baseline = fake.calls.length;

    // 1,000 readers within 10 s; every tenth sends a second /search half a second later.
    const sent: Sent[] = [];
    const start = Date.now();
    const plan: Array<{ at: number; chatId: number; query: string }> = [];
    for (let i = 0; i < READERS; i++) {
      const chatId = 100_000 + i;
      const at = (i * BURST_MS) / READERS;
      plan.push({ at, chatId, query: `${words[i % words.length]}` });
      if (i % SECOND_SEARCH_EVERY === 0) {
        plan.push({ at: at + 500, chatId, query: `${words[(i * 7 + 3) % words.length]} news` });
      }
    }
    plan.sort((a, b) => a.at - b.at);
    for (const step of plan) {
      const wait = start + step.at - Date.now();
      if (wait > 0) await sleep(wait);
      fake.pushUpdate(privateMessage(`/search ${step.query}`, { from: reader(step.chatId) }));
      sent.push({ chatId: step.chatId, query: step.query, at: Date.now() });
    }

    const replies = () =>
      fake.calls
        .slice(baseline)
        .filter((c) => c.ok && c.method === "sendMessage" && Number(c.payload.chat_id) >= 100_000);
    while (replies().length < sent.length && Date.now() - start < GIVE_UP_MS) await sleep(200);
    const readerReplies = replies();
    const lastReplyAt = Math.max(...readerReplies.map((c) => c.at));

    // Then 200 inline queries in 5 s.
    const inlineStart = Date.now();
    for (let i = 0; i < INLINE_QUERIES; i++) {
      const wait = inlineStart + (i * INLINE_MS) / INLINE_QUERIES - Date.now();
      if (wait > 0) await sleep(wait);
      fake.pushUpdate(inlineQuery(words[i % words.length]!, { from: reader(300_000 + i) }));
    }
    const inlineAnswers = () =>
      fake.calls.slice(baseline).filter((c) => c.ok && c.method === "answerInlineQuery");
    while (inlineAnswers().length < INLINE_QUERIES && Date.now() - inlineStart < 60_000)
      await sleep(100);
    const inlineDone = Math.max(...inlineAnswers().map((c) => c.at));
    const rss = peakRssMb(bot.pid!);

    // Per reader: answered how often, and in the order asked.
    const askedBy = new Map<number, Sent[]>();
    for (const s of sent) askedBy.set(s.chatId, [...(askedBy.get(s.chatId) ?? []), s]);
    const repliesBy = new Map<number, string[]>();
    for (const c of readerReplies) {
      const chat = Number(c.payload.chat_id);
      repliesBy.set(chat, [...(repliesBy.get(chat) ?? []), String(c.payload.text)]);
    }
    let answeredExactly = 0;
    let unanswered = 0;
    let duplicated = 0;
    let outOfOrder = 0;
    for (const [chat, asked] of askedBy) {
      const got = repliesBy.get(chat) ?? [];
      const sorryCount = got.filter((text) => text.startsWith("Sorry")).length;
      if (got.length === asked.length && sorryCount === 0) answeredExactly++;
      if (got.length - sorryCount < asked.length) unanswered++;
      if (got.length > asked.length) duplicated++;
      asked.forEach((s, i) => {
        if (got[i] !== undefined && !got[i]!.includes(s.query)) outOfOrder++;
      });
    }
    const sorry = readerReplies.filter((c) => String(c.payload.text).startsWith("Sorry")).length;
    const waits = sent
      .map((s) => {
        const reply = readerReplies.filter((c) => Number(c.payload.chat_id) === s.chatId);
        const index = askedBy.get(s.chatId)!.indexOf(s);
        return (reply[index]?.at ?? Number.NaN) - s.at;
      })
      .filter(Number.isFinite);
    const rateLimited = fake.calls.slice(baseline).filter((c) => c.errorCode === 429).length;

    // Channel posts that fell due while readers waited: how late did they go out?
    const posts = fake.calls
      .slice(baseline)
      .filter((c) => c.ok && c.payload.chat_id === CHANNEL && c.method === "sendMessage");
    const postDelays = posts.map((c, i) => c.at - (firstDue + i * POST_EVERY_MS));
    const sendsInBurst = readerReplies.length + posts.filter((c) => c.at <= lastReplyAt).length;
    const floorMs = Math.max(BURST_MS, (sendsInBurst / 30) * 1000);
    const took = lastReplyAt - start;

    const rows: Array<[string, string, string]> = [
      ["readers answered, each exactly once", `${answeredExactly} of ${askedBy.size}`, "all"],
      [
        'readers left without results / answered twice / "Sorry" replies',
        `${unanswered} / ${duplicated} / ${sorry}`,
        "0 / 0 / 0",
      ],
      [
        "time to the last answer / floor at 30 per s",
        `${seconds(took)} / ${seconds(floorMs)} = ${(took / floorMs).toFixed(2)}×`,
        "≤ 1.15×",
      ],
      ["429 answers provoked", String(rateLimited), "0"],
      ["replies out of order within a chat", String(outOfOrder), "0"],
      [
        "channel posts: delay past due, p50 / max",
        `${seconds(percentile(postDelays, 50))} / ${seconds(Math.max(...postDelays))} (${posts.length} posts)`,
        "< 2 s",
      ],
      [
        "a reader's wait for a reply: p50 / p95 / max",
        `${seconds(percentile(waits, 50))} / ${seconds(percentile(waits, 95))} / ${seconds(Math.max(...waits))}`,
        "",
      ],
      ["replies that took over 60 s", String(waits.filter((w) => w > 60_000).length), ""],
      [
        "inline queries answered / time for all",
        `${inlineAnswers().length} of ${INLINE_QUERIES} / ${seconds(inlineDone - inlineStart)}`,
        `all, ≈ ${seconds(INLINE_MS)}`,
      ],
      [
        "peak RSS of the bot process (before the burst)",
        `${rss.toFixed(0)} MB (${idleRss.toFixed(0)} MB)`,
        "< 200 MB",
      ],
    ];
    process.stdout.write(
      `bot: ${BOT_ROOT === PROJECT ? "this checkout" : BOT_ROOT}; ${askedBy.size} readers, ${sent.length} /search messages in ${seconds(BURST_MS)}\n`,
    );
    process.stdout.write("| measure | value | target |\n| --- | --- | --- |\n");
    for (const row of rows) process.stdout.write(`| ${row.join(" | ")} |\n`);
  } finally {
    bot.kill("SIGTERM");
    await new Promise((r) => bot.once("exit", r));
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
