import type { Update } from "grammy/types";
import { createArticleService } from "../src/articles/article-service.js";
import { createBot } from "../src/bot/index.js";
import { createConfig } from "../src/config.js";
import { createArticlesRepository } from "../src/db/articles-repository.js";
import { openDatabase } from "../src/db/connection.js";
import { createKeyValueStorage } from "../src/db/key-value-storage.js";
import { migrate } from "../src/db/migrate.js";
import { silentLogger } from "../src/logger.js";
import { startFakeBotApi, TEST_BOT_INFO, TEST_TOKEN } from "../src/sandbox/fake-bot-api.js";
import { createSearchService } from "../src/search/search-service.js";
import { hasSharedFixtures, SHARED_FIXTURES } from "../tests/support/fixtures.js";
import { callbackQuery, inlineQuery, privateMessage, READER } from "../tests/support/updates.js";
import {
  countFixtureWords,
  createRandom,
  createVocabulary,
  makeArticle,
  type Vocabulary,
} from "./support/corpus.js";

const ARCHIVE = Number(process.env.READER_BENCH_ARTICLES ?? 20_000);
const RUNS = 200;
const END_MS = Date.UTC(2026, 0, 1);

/** Queries of 1–3 words drawn at the corpus's news-like word frequencies. */
function drawQueries(vocab: Vocabulary, count: number): string[] {
  const random = createRandom(42);
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: 1 + (i % 3) }, () => vocab.draw(random)).join(" "),
  );
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

const ms = (n: number) => n.toFixed(1);

/**
 * Readers' commands end to end: a real bot (createBot) over an archive of ARCHIVE synthetic
 * ~2 KB articles, each update handled through grammY's HTTP client against the local fake
 * Bot API (which parses and checks every reply). Prints per-command latency and reply size.
 */
export async function run(): Promise<void> {
  const vocab = createVocabulary(
    hasSharedFixtures ? countFixtureWords(SHARED_FIXTURES) : new Map(),
  );
  const db = openDatabase(":memory:");
  migrate(db);
  const articles = createArticleService({ db, articles: createArticlesRepository(db) });
  for (let from = 0; from < ARCHIVE; from += 1000) {
    const batch = [];
    for (let i = from; i < Math.min(ARCHIVE, from + 1000); i++)
      batch.push(makeArticle(vocab, i, ARCHIVE, END_MS));
    articles.storeMany(batch);
  }
  const fake = await startFakeBotApi({ globalPerSecond: 1_000_000 });
  const config = createConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TIMEZONE: "Europe/Moscow",
    CHANNEL_URL: "https://t.me/newsroom_test",
  });
  const bot = createBot(
    config,
    {
      logger: silentLogger(),
      articles,
      search: createSearchService(db, { now: () => END_MS }),
      conversationStorage: createKeyValueStorage(db, "conversation"),
      now: () => END_MS,
      rateLimit: {
        limit: Number.MAX_SAFE_INTEGER,
        windowMs: 1_000,
        inlineLimit: Number.MAX_SAFE_INTEGER,
      },
    },
    { botInfo: TEST_BOT_INFO },
  );
  const queries = drawQueries(vocab, RUNS);
  await bot.handleUpdate(privateMessage("/latest", { from: READER }));
  const listed = fake.messages(READER.id).at(-1)!;
  const summaryIds = Array.from({ length: RUNS }, (_, i) => 1 + ((i * 7919) % ARCHIVE));

  const cases: Array<[string, (i: number) => Update]> = [
    ["/latest", () => privateMessage("/latest", { from: READER })],
    ["/latest 20", () => privateMessage("/latest 20", { from: READER })],
    [
      "More (page back)",
      (i) => callbackQuery(`l:${5 * (1 + (i % 50))}:5`, { from: READER, message: listed }),
    ],
    ["/search <1–3 words>", (i) => privateMessage(`/search ${queries[i]}`, { from: READER })],
    ["/summary <ID>", (i) => privateMessage(`/summary ${summaryIds[i]}`, { from: READER })],
    ["/summary (digest)", () => privateMessage("/summary", { from: READER })],
    ["inline, empty query", () => inlineQuery("", { from: READER })],
    ["inline <1–3 words>", (i) => inlineQuery(queries[i]!, { from: READER })],
  ];
  const rows: string[][] = [];
  for (const [name, make] of cases) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const update = make(i);
      const t0 = performance.now();
      await bot.handleUpdate(update);
      times.push(performance.now() - t0);
    }
    const failed = fake.calls.filter((c) => !c.ok).length;
    rows.push([
      name,
      String(RUNS),
      ms(percentile(times, 50)),
      ms(percentile(times, 95)),
      ms(Math.max(...times)),
      String(failed),
    ]);
  }
  const lengths = fake.messages(READER.id).map((m) => m.text.length);
  await fake.close();
  db.close();
  console.log(
    `\nReaders' commands, ${ARCHIVE.toLocaleString("en")} articles, each update through grammY → fake Bot API (ms)\n`,
  );
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const head = ["command", "runs", "p50", "p95", "max", "refused by the fake"];
  console.log([line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n"));
  console.log(`\nlongest reply: ${Math.max(...lengths)} of 4096 characters`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
