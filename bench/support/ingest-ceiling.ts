import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { ArticleInput } from "../../src/articles/article.js";
import { createArticleService } from "../../src/articles/article-service.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import { openDatabase } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";
import type { ArticleIndexer } from "../../src/search/article-indexer.js";
import { indexTextOf } from "../../src/search/index-functions.js";
import { indexLanguageOf } from "../../src/search/language.js";
import { type CpuProfile, profileOf } from "./cpu-profile.js";

const BATCH = 1000;
/** The same page cache for every way of storing, so none is favoured. */
const CACHE = "cache_size = -262144";

/** FTS5 table definitions the ceilings are measured with. */
const PORTER_DEFINITION = "content='', tokenize='porter unicode61 remove_diacritics 2'";
const WORD_FORMS_DEFINITION = "content='', contentless_delete=1, detail=column, tokenize='ascii'";

export interface IngestRates {
  /** Articles per second, best of the rounds. */
  readonly porterRaw: number;
  readonly formsRaw: number;
  readonly formsPrepared: number;
  readonly archive: number;
  /** The archive storing the same articles with its search index left out. */
  readonly archiveUnindexed: number;
  readonly profile: CpuProfile;
}

function freshPath(dir: string, name: string): string {
  const path = join(dir, `ingest-${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  return path;
}

/** Raw FTS5 inserts of `docs` in BATCH-row transactions, no archive: articles per second. */
function rawFts(path: string, definition: string, docs: readonly (readonly [string, string])[]) {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma(CACHE);
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(title, body, ${definition})`);
  const insert = db.prepare("INSERT INTO f (rowid, title, body) VALUES (?, ?, ?)");
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += BATCH) {
    db.transaction(() => {
      for (let k = i; k < Math.min(docs.length, i + BATCH); k++)
        insert.run(k + 1, docs[k]![0], docs[k]![1]);
    })();
  }
  const rate = docs.length / ((performance.now() - t0) / 1000);
  db.close();
  return rate;
}

/** Stands in for the search index: nothing indexed, nothing left pending. */
const NO_INDEX: ArticleIndexer = {
  add: () => undefined,
  changed: () => undefined,
  finish: () => 0,
  discard: () => undefined,
};

/**
 * ArticleService.storeMany (dedup, content hash, row, index) in BATCH-article transactions;
 * `indexed` false leaves the search index out (its trigger too), to show the archive's own cost.
 */
function archive(path: string, inputs: readonly ArticleInput[], indexed = true): number {
  const db = openDatabase(path);
  db.pragma(CACHE);
  migrate(db);
  if (!indexed) db.exec("DROP TRIGGER articles_fts_insert");
  const service = createArticleService({
    db,
    articles: createArticlesRepository(db),
    ...(indexed ? {} : { searchIndex: NO_INDEX }),
  });
  const t0 = performance.now();
  for (let i = 0; i < inputs.length; i += BATCH) service.storeMany(inputs.slice(i, i + BATCH));
  const rate = inputs.length / ((performance.now() - t0) / 1000);
  db.close();
  return rate;
}

/**
 * Storing the same articles five ways, alternated over `rounds` so a busy machine hurts
 * each alike: raw FTS5 with the old porter index (the ceiling), raw FTS5 with the
 * word-form index's definition fed the texts as they are, the same fed the prepared
 * stems, the archive itself, and the archive without its search index. Then the archive
 * once more under the CPU profiler.
 */
export async function measureIngestion(
  dir: string,
  inputs: readonly ArticleInput[],
  rounds = 2,
): Promise<IngestRates> {
  const raw = inputs.map((a) => [a.title, a.body] as const);
  const prepared = inputs.map((a) => {
    const lang = indexLanguageOf(a.language, a.title, a.body);
    return [indexTextOf(a.title, lang), indexTextOf(a.body, lang)] as const;
  });
  const best = { porterRaw: 0, formsRaw: 0, formsPrepared: 0, archive: 0, archiveUnindexed: 0 };
  for (let r = 0; r < rounds; r++) {
    best.porterRaw = Math.max(
      best.porterRaw,
      rawFts(freshPath(dir, "porter"), PORTER_DEFINITION, raw),
    );
    best.formsRaw = Math.max(
      best.formsRaw,
      rawFts(freshPath(dir, "forms"), WORD_FORMS_DEFINITION, raw),
    );
    best.formsPrepared = Math.max(
      best.formsPrepared,
      rawFts(freshPath(dir, "prepared"), WORD_FORMS_DEFINITION, prepared),
    );
    best.archive = Math.max(best.archive, archive(freshPath(dir, "archive"), inputs));
    best.archiveUnindexed = Math.max(
      best.archiveUnindexed,
      archive(freshPath(dir, "unindexed"), inputs, false),
    );
  }
  const profile = await profileOf(() => archive(freshPath(dir, "profiled"), inputs));
  for (const name of ["porter", "forms", "prepared", "archive", "unindexed", "profiled"])
    freshPath(dir, name);
  return { ...best, profile };
}
