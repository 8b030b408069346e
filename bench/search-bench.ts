import { mkdirSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { openDatabase } from "../src/db/connection.js";
import { createSearchService } from "../src/search/search-service.js";
import {
  hasSharedFixtures,
  SHARED_FIXTURES,
  SHARED_FIXTURES_MISSING,
} from "../tests/support/fixtures.js";
import { buildMiniSearch, createLikeSearch, heapMb, miniSearchTop10 } from "./support/baselines.js";
import { measureBotMemory } from "./support/bot-memory.js";
import { type Corpus, createCorpus, makeCorpusArticle, type Vocabulary } from "./support/corpus.js";
import {
  CACHE_DIR,
  CORPUS_END_MS,
  corpusDbPath,
  ensureCorpusDb,
  readIntoPageCache,
} from "./support/corpus-db.js";
import { measureIngestion } from "./support/ingest-ceiling.js";
import { makePartialQueries, makeQueries } from "./support/queries.js";
import { fmt, percentile, table, timeEach } from "./support/stats.js";

const QUERIES = 300;
const PARTIAL = 50;
const MINISEARCH_MAX = 100_000;
const LIKE_QUERIES = (size: number) => (size > 200_000 ? 5 : 20);
/** BENCH_ONLY=search times only the search service (no LIKE, MiniSearch, bot, ingestion). */
const searchOnly = process.env.BENCH_ONLY === "search";
/** BENCH_MINISEARCH=0 leaves out the in-memory MiniSearch baseline (minutes, >1 GB heap). */
const withMiniSearch = process.env.BENCH_MINISEARCH !== "0";
const INGEST_ARTICLES = Number(process.env.BENCH_INGEST ?? 20_000);

function latencyRow(name: string, size: number, times: number[], note = ""): string[] {
  const n = size.toLocaleString("en");
  const [p50, p95, max] = [percentile(times, 50), percentile(times, 95), Math.max(...times)];
  return [name, n, String(times.length), fmt(p50), fmt(p95), fmt(max), note];
}

interface QuerySet {
  readonly language: string;
  readonly vocab: Vocabulary;
  readonly whole: readonly string[];
  readonly partial: readonly string[];
}

function querySets(corpus: Corpus): QuerySet[] {
  return [
    {
      language: "English",
      vocab: corpus.en,
      whole: makeQueries(corpus.en, QUERIES),
      partial: makePartialQueries(corpus.en, PARTIAL),
    },
    {
      language: "Russian",
      vocab: corpus.ru,
      whole: makeQueries(corpus.ru, QUERIES, 17),
      partial: makePartialQueries(corpus.ru, PARTIAL, 19),
    },
  ];
}

function ingestionTable(rates: Awaited<ReturnType<typeof measureIngestion>>) {
  const row = (what: string, rate: number) => [
    what,
    fmt(rate, 0),
    fmt(1e6 / rate, 0),
    `${fmt((100 * rate) / rates.porterRaw, 0)}%`,
    `${fmt((100 * rate) / rates.formsRaw, 0)}%`,
  ];
  console.log(
    `\n## Ingestion of the corpus's first ${INGEST_ARTICLES.toLocaleString("en")} articles, 1,000 per transaction, best of 2 rounds\n`,
  );
  console.log(
    table(
      ["how", "articles/s", "µs/article", "of raw FTS5 (porter)", "of raw FTS5 (word-form index)"],
      [
        row(
          "raw FTS5 inserts, old porter index, texts as they are (the issue's ceiling)",
          rates.porterRaw,
        ),
        row("raw FTS5 inserts, word-form index's definition, texts as they are", rates.formsRaw),
        row("raw FTS5 inserts, word-form index, stems prepared beforehand", rates.formsPrepared),
        row("**ArticleService.storeMany: dedup, fingerprint, row, stems, index**", rates.archive),
        row(
          "ArticleService.storeMany without the search index (the archive's own work)",
          rates.archiveUnindexed,
        ),
      ],
    ),
  );
  console.log(
    `\nWhere storeMany's CPU time goes (V8 profile, ${fmt(rates.profile.totalMs, 0)} ms, self time):\n`,
  );
  console.log(
    table(
      ["what", "share"],
      rates.profile.shares
        .filter(([, share]) => share >= 0.005)
        .map(([what, share]) => [what, `${fmt(100 * share, 1)}%`]),
    ),
  );
}

/**
 * Search and ingestion benchmark over a bilingual archive (every fifth article Russian) of
 * BENCH_SIZES synthetic ~2 KB articles stored through the real ArticleService (cached under
 * bench/.cache): ingestion against raw FTS5, search latency by language and query class
 * against a LIKE scan and MiniSearch, and the real bot's memory (`npm start`).
 */
export async function run(): Promise<void> {
  setFlagsFromString("--expose-gc");
  (globalThis as { gc?: () => void }).gc = runInNewContext("gc") as () => void;
  const sizes = (process.env.BENCH_SIZES ?? "100000,1000000")
    .split(",")
    .map(Number)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (!hasSharedFixtures)
    console.log(`${SHARED_FIXTURES_MISSING}; using a made-up vocabulary only`);
  const corpus = createCorpus(SHARED_FIXTURES);
  const maxSize = sizes.at(-1)!;
  const sets = querySets(corpus);
  mkdirSync(CACHE_DIR, { recursive: true });

  const buildRows: string[][] = [];
  const latencyRows: string[][] = [];
  const memoryRows: string[][] = [];
  let previous: number | null = null;
  for (const size of sizes) {
    console.log(`# ${size.toLocaleString("en")} articles`);
    const stats = ensureCorpusDb(size, corpus, maxSize, previous, (line) => console.log(line));
    previous = size;
    buildRows.push([
      size.toLocaleString("en"),
      fmt(stats.fileBytes / 1e6, 0),
      fmt(stats.ftsBytes / 1e6, 0),
      fmt(stats.optimizeSeconds, 0),
    ]);
    if (process.env.BENCH_BUILD_ONLY) continue;

    const readSeconds = readIntoPageCache(corpusDbPath(size));
    console.log(`  archive file read once into the OS page cache (${fmt(readSeconds, 1)} s)`);
    const db = openDatabase(corpusDbPath(size));
    const search = createSearchService(db);
    for (const set of sets) for (const q of set.whole.slice(0, 20)) search.search(q, { limit: 10 });
    for (const set of sets) {
      let hits = 0;
      const all = timeEach(set.whole, (q) => {
        hits += search.search(q, { limit: 10 }).hits.length;
      });
      const note = `${fmt(hits / set.whole.length, 1)} hits/query`;
      latencyRows.push(latencyRow(`FTS5 search service, ${set.language} queries`, size, all, note));
      const frequent = set.whole.filter((q) =>
        q.split(" ").some((w) => set.vocab.ranked.indexOf(w) < 10),
      );
      latencyRows.push(
        latencyRow(
          "  … with a top-10 word",
          size,
          timeEach(frequent, (q) => search.search(q, { limit: 10 })),
        ),
      );
      let partialHits = 0;
      const partial = timeEach(set.partial, (q) => {
        partialHits += search.search(q, { limit: 10 }).hits.length;
      });
      const partialNote = `${fmt(partialHits / set.partial.length, 1)} hits/query`;
      latencyRows.push(
        latencyRow("  … half-typed last word (completions)", size, partial, partialNote),
      );
    }
    if (searchOnly) {
      db.close();
      continue;
    }
    const like = createLikeSearch(db);
    const english = sets[0]!.whole;
    const likeStep = Math.ceil(english.length / LIKE_QUERIES(size));
    const likeQueries = english.filter((_, i) => i % likeStep === 0);
    const likeNote = `${likeQueries.length} of the English queries only`;
    latencyRows.push(
      latencyRow("LIKE scan (top 10, no ranking)", size, timeEach(likeQueries, like), likeNote),
    );
    if (withMiniSearch && size <= MINISEARCH_MAX) {
      const built = buildMiniSearch(db);
      const mini = timeEach(english, (q) => miniSearchTop10(built.index, q));
      latencyRows.push(latencyRow("MiniSearch in memory, English (no snippets)", size, mini));
      memoryRows.push([
        "MiniSearch index",
        size.toLocaleString("en"),
        `built in ${fmt(built.seconds, 1)} s`,
        `${fmt(built.heapMb, 0)} MB heap`,
      ]);
    }
    db.close();
    heapMb();
    if (size === maxSize) {
      const bot = await measureBotMemory(
        corpusDbPath(size),
        sets.flatMap((s) => s.whole),
        sets.flatMap((s) => s.partial),
      );
      memoryRows.push([
        "The bot (`npm start`, fake Bot API): /search and inline queries answered",
        size.toLocaleString("en"),
        `${bot.answered}/${bot.asked} answered; /search reply p50 ${fmt(percentile(bot.replyMs, 50))} ms, p95 ${fmt(percentile(bot.replyMs, 95))} ms`,
        `**${fmt(bot.peakMb, 0)} MB VmHWM** (${fmt(bot.endMb, 0)} MB VmRSS at the end)`,
      ]);
    }
  }
  console.log(
    "\n## Archives (built once through ArticleService.storeMany, cached), after FTS5 optimize\n",
  );
  const buildHead = ["articles", "DB MB", "FTS index MB", "optimize s"];
  console.log(table(buildHead, buildRows));
  if (latencyRows.length) {
    console.log("\n## Search latency, ms (top 10, ranked, with snippets)\n");
    console.log(table(["engine", "articles", "queries", "p50", "p95", "max", "note"], latencyRows));
  }
  if (memoryRows.length) {
    console.log("\n## Memory\n");
    console.log(table(["what", "articles", "", "memory"], memoryRows));
  }
  // Last: storing writes and deletes gigabytes of scratch archives, and the disk writing them
  // out in the background slowed the latency measured after it (p95 6.6 ms against 3.7 ms).
  if (!searchOnly && !process.env.BENCH_BUILD_ONLY) {
    const inputs = Array.from({ length: INGEST_ARTICLES }, (_, i) =>
      makeCorpusArticle(corpus, i, maxSize, CORPUS_END_MS),
    );
    ingestionTable(await measureIngestion(CACHE_DIR, inputs));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
