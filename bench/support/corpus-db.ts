import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createArticleService } from "../../src/articles/article-service.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import { openDatabase } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";
import { makeArticle, type Vocabulary } from "./corpus.js";

export const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", ".cache");
/** Bump when the corpus or the schema changes, so stale caches are rebuilt. */
const CORPUS_VERSION = 1;
const BATCH = 1000;
/** Publication times end here, so every run sees the same ages. */
export const CORPUS_END_MS = Date.UTC(2026, 0, 1);

export interface IngestionStats {
  readonly articles: number;
  /** Seconds spent inside ArticleService.storeMany (generation excluded). */
  readonly storeSeconds: number;
  readonly fileBytes: number;
  /** Bytes of the FTS5 index's own tables (the text itself lives only in `articles`). */
  readonly ftsBytes: number;
}

function ftsBytesOf(path: string): number {
  const db = openDatabase(path);
  const bytes = db
    .prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%' AND aggregate = 1")
    .pluck()
    .get() as number;
  db.close();
  return bytes;
}

export function corpusDbPath(size: number): string {
  return join(CACHE_DIR, `search-v${CORPUS_VERSION}-${size}.db`);
}

function store(
  path: string,
  vocab: Vocabulary,
  from: number,
  to: number,
  total: number,
  log: (s: string) => void,
): { seconds: number; ftsBytes: number } {
  const db = openDatabase(path);
  // Bulk loading: a bigger page cache for the index merges; the bot itself keeps the default.
  db.pragma("cache_size = -262144");
  migrate(db);
  const service = createArticleService({ db, articles: createArticlesRepository(db) });
  let storeMs = 0;
  for (let i = from; i < to; i += BATCH) {
    const batch = [];
    for (let k = i; k < Math.min(to, i + BATCH); k++)
      batch.push(makeArticle(vocab, k, total, CORPUS_END_MS));
    const t0 = performance.now();
    service.storeMany(batch);
    storeMs += performance.now() - t0;
    if ((i / BATCH) % 50 === 0)
      log(`  stored ${i.toLocaleString("en")} / ${to.toLocaleString("en")}`);
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return { seconds: storeMs / 1000, ftsBytes: ftsBytesOf(path) };
}

/**
 * A file database of `size` synthetic articles stored through the real ArticleService and
 * migrations, cached under bench/.cache. A bigger corpus starts from a copy of a smaller
 * cached one (`from`), so 1,000,000 reuses the first 100,000. Article k is the same in both:
 * the total only sets publication times, and a corpus is always generated for `maxTotal`.
 */
export function ensureCorpusDb(
  size: number,
  vocab: Vocabulary,
  maxTotal: number,
  from: number | null,
  log: (s: string) => void,
): IngestionStats {
  const path = corpusDbPath(size);
  const statsPath = `${path}.json`;
  if (existsSync(path) && existsSync(statsPath)) {
    const cached = JSON.parse(readFileSync(statsPath, "utf8")) as Partial<IngestionStats>;
    const stats = { ...cached, ftsBytes: cached.ftsBytes ?? ftsBytesOf(path) } as IngestionStats;
    writeFileSync(statsPath, JSON.stringify(stats));
    return stats;
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  let start = 0;
  if (from !== null && from < size && existsSync(corpusDbPath(from))) {
    copyFileSync(corpusDbPath(from), path);
    start = from;
  }
  const { seconds, ftsBytes } = store(path, vocab, start, size, maxTotal, log);
  const stats: IngestionStats = {
    articles: size - start,
    storeSeconds: seconds,
    ftsBytes,
    fileBytes: statSync(path).size,
  };
  writeFileSync(statsPath, JSON.stringify(stats));
  return stats;
}
