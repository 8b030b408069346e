import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
import { createCorpus } from "./support/corpus.js";
import { CACHE_DIR, corpusDbPath, ensureCorpusDb } from "./support/corpus-db.js";
import { makePartialQueries, makeQueries } from "./support/queries.js";
import { fmt, percentile, table, timeEach } from "./support/stats.js";

const QUERIES = 300;
const MINISEARCH_MAX = 100_000;
const LIKE_QUERIES = (size: number) => (size > 200_000 ? 5 : 20);
/** BENCH_ONLY=search times only the search service (no LIKE, MiniSearch or RSS): for iterating. */
const searchOnly = process.env.BENCH_ONLY === "search";

function latencyRow(name: string, size: number, times: number[], note = ""): string[] {
  return [
    name,
    size.toLocaleString("en"),
    String(times.length),
    fmt(percentile(times, 50)),
    fmt(percentile(times, 95)),
    fmt(Math.max(...times)),
    note,
  ];
}

/** Peak RSS of a fresh process that opens the database and runs the queries, like the bot. */
function botRss(dbPath: string, queries: readonly string[]): { maxRssMb: number } {
  mkdirSync(CACHE_DIR, { recursive: true });
  const queriesPath = join(CACHE_DIR, "queries.json");
  writeFileSync(queriesPath, JSON.stringify(queries));
  const child = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(import.meta.dirname, "support", "search-child.ts"),
      dbPath,
      queriesPath,
    ],
    { encoding: "utf8" },
  );
  if (child.status !== 0) throw new Error(`search child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { maxRssMb: number };
}

/**
 * Search and ingestion benchmark: builds (or reuses, under bench/.cache) archives of
 * BENCH_SIZES synthetic ~2 KB articles through the real ArticleService, then times the
 * search service against MiniSearch and a LIKE scan, and measures the bot's memory.
 * The index is merged into one segment (FTS5 `optimize`) after each bulk load.
 * BENCH_ONLY=search skips everything but the search service's own latency rows.
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
  const vocab = corpus.en;
  const maxSize = sizes.at(-1)!;
  const queries = makeQueries(vocab, QUERIES);
  const partial = makePartialQueries(vocab, 50);
  const ingestRows: string[][] = [];
  const latencyRows: string[][] = [];
  const memoryRows: string[][] = [];
  let previous: number | null = null;
  for (const size of sizes) {
    console.log(`# ${size.toLocaleString("en")} articles`);
    const stats = ensureCorpusDb(size, corpus, maxSize, previous, (line) => console.log(line));
    previous = size;
    if (process.env.BENCH_BUILD_ONLY) continue;
    ingestRows.push([
      size.toLocaleString("en"),
      stats.articles.toLocaleString("en"),
      fmt(stats.articles / stats.storeSeconds, 0),
      fmt(stats.fileBytes / 1e6, 0),
      fmt(stats.ftsBytes / 1e6, 0),
      fmt(stats.optimizeSeconds, 0),
    ]);

    const db = openDatabase(corpusDbPath(size));
    const search = createSearchService(db);
    for (const q of queries.slice(0, 20)) search.search(q, { limit: 10 });
    let hits = 0;
    const fts = timeEach(queries, (q) => {
      hits += search.search(q, { limit: 10 }).hits.length;
    });
    latencyRows.push(
      latencyRow(
        "FTS5 search service (top 10, snippets)",
        size,
        fts,
        `${fmt(hits / queries.length, 1)} hits/query`,
      ),
    );
    const frequent = queries.filter((q) => q.split(" ").some((w) => vocab.ranked.indexOf(w) < 10));
    latencyRows.push(
      latencyRow(
        "  … queries with a top-10 word",
        size,
        timeEach(frequent, (q) => search.search(q, { limit: 10 })),
      ),
    );
    latencyRows.push(
      latencyRow(
        "  … partial last word (prefix path)",
        size,
        timeEach(partial, (q) => search.search(q, { limit: 10 })),
      ),
    );

    if (searchOnly) {
      db.close();
      continue;
    }
    const like = createLikeSearch(db);
    // Spread over the whole set, so rare words (full scans) are among them.
    const likeStep = Math.ceil(queries.length / LIKE_QUERIES(size));
    const likeQueries = queries.filter((_, i) => i % likeStep === 0);
    latencyRows.push(
      latencyRow(
        "LIKE scan (top 10, no ranking)",
        size,
        timeEach(likeQueries, like),
        `${likeQueries.length} of the queries only`,
      ),
    );

    if (size <= MINISEARCH_MAX) {
      const built = buildMiniSearch(db);
      const mini = timeEach(queries, (q) => miniSearchTop10(built.index, q));
      latencyRows.push(latencyRow("MiniSearch in memory (top 10, no snippets)", size, mini));
      memoryRows.push([
        "MiniSearch index",
        size.toLocaleString("en"),
        `${fmt(built.seconds, 1)} s`,
        `${fmt(built.heapMb, 0)} MB heap`,
      ]);
    } else {
      latencyRows.push([
        "MiniSearch in memory",
        size.toLocaleString("en"),
        "–",
        "–",
        "–",
        "–",
        `not run above ${MINISEARCH_MAX.toLocaleString("en")}: needs the whole corpus in the heap`,
      ]);
    }
    db.close();
    heapMb();
    const rss = botRss(corpusDbPath(size), queries);
    memoryRows.push([
      "Bot process: open DB + run the queries",
      size.toLocaleString("en"),
      `ingestion ${fmt(stats.storeSeconds, 0)} s`,
      `${fmt(rss.maxRssMb, 0)} MB peak RSS`,
    ]);
  }
  console.log(
    "\n## Ingestion through ArticleService.storeMany (1,000 per transaction), then FTS5 optimize\n",
  );
  console.log(
    table(
      [
        "archive",
        "articles stored in this step",
        "articles/s",
        "DB file MB",
        "FTS index MB",
        "optimize s",
      ],
      ingestRows,
    ),
  );
  console.log("\n## Search latency, ms\n");
  console.log(table(["engine", "articles", "queries", "p50", "p95", "max", "note"], latencyRows));
  console.log("\n## Build time and memory\n");
  console.log(table(["what", "articles", "time", "memory"], memoryRows));
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
