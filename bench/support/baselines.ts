import type { Statement } from "better-sqlite3";
import MiniSearch from "minisearch";
import type { Db } from "../../src/db/connection.js";

/** Heap in use after a full collection, in MB (needs the gc exposed; else as is). */
export function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

/** Builds an in-memory MiniSearch index of every article; reports time and heap growth. */
export function buildMiniSearch(db: Db): { index: MiniSearch; seconds: number; heapMb: number } {
  const before = heapMb();
  const t0 = performance.now();
  const index = new MiniSearch({ fields: ["title", "body"], storeFields: [] });
  const rows = db
    .prepare("SELECT id, title, body FROM articles ORDER BY id")
    .iterate() as Iterable<{
    id: number;
    title: string;
    body: string;
  }>;
  let batch: Array<{ id: number; title: string; body: string }> = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === 5000) {
      index.addAll(batch);
      batch = [];
    }
  }
  index.addAll(batch);
  const seconds = (performance.now() - t0) / 1000;
  return { index, seconds, heapMb: heapMb() - before };
}

/** MiniSearch's own ranking (BM25+), title boosted like ours, last word as a prefix. */
export function miniSearchTop10(index: MiniSearch, query: string): number {
  const words = query.split(" ");
  return index
    .search(query, {
      boost: { title: 10 },
      combineWith: "AND",
      prefix: (term) => term === words.at(-1),
    })
    .slice(0, 10).length;
}

/** The naive way: scan every article with LIKE for each word, newest first, 10 rows. */
export function createLikeSearch(db: Db) {
  const statements = new Map<number, Statement<unknown[]>>();
  return (query: string): number => {
    const words = query.split(" ");
    let statement = statements.get(words.length);
    if (!statement) {
      const where = words.map(() => "(title LIKE ? OR body LIKE ?)").join(" AND ");
      statement = db.prepare<unknown[]>(
        `SELECT id FROM articles WHERE ${where} ORDER BY id DESC LIMIT 10`,
      );
      statements.set(words.length, statement);
    }
    return statement.all(...words.flatMap((w) => [`%${w}%`, `%${w}%`])).length;
  };
}
