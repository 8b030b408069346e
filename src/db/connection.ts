import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { registerSearchFunctions } from "../search/index-functions.js";

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * How long one statement waits for another connection's write lock before SQLITE_BUSY.
   * Short by default: the bot's only thread must never wait long (busy writes are retried
   * asynchronously where it matters); the command line may wait longer.
   */
  readonly busyTimeoutMs?: number;
}

export const BOT_BUSY_TIMEOUT_MS = 250;
/** Bytes per database page of a new archive. */
export const PAGE_SIZE = 8192;

/**
 * Makes every `db.transaction(fn)()` BEGIN IMMEDIATE: the write lock is taken (or waited for)
 * at the start, so a transaction that reads and then writes can never fail half-way with
 * SQLITE_BUSY_SNAPSHOT because another connection (the bot, the CLI) wrote in between.
 */
function immediateTransactions(db: Db): void {
  const deferred = db.transaction.bind(db);
  db.transaction = ((fn: Parameters<Db["transaction"]>[0]) => {
    const wrapped = deferred(fn);
    const run = (...args: unknown[]) => wrapped.immediate(...(args as Parameters<typeof wrapped>));
    // The explicit variants stay available (they are not enumerable, so they are copied by name).
    return Object.assign(run, {
      deferred: wrapped.deferred,
      immediate: wrapped.immediate,
      exclusive: wrapped.exclusive,
      default: wrapped.immediate,
    });
  }) as Db["transaction"];
}

/**
 * Opens the SQLite file (creating its folder), with WAL, foreign keys, a short busy timeout
 * and IMMEDIATE write transactions. `:memory:` gives a private in-memory database for tests.
 * Registers the functions the search index's triggers call (stemming happens in the
 * application, not in SQLite).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: options.busyTimeoutMs ?? BOT_BUSY_TIMEOUT_MS });
  // A new archive gets 8 KB pages (an existing file keeps its own): a stored article, about
  // 2 KB of text, left half of each 4 KB page empty; three fit in 8 KB, and the file is 15%
  // smaller. It has to be set before the first table, and before WAL.
  db.pragma(`page_size = ${PAGE_SIZE}`);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // A modest page cache keeps the bot's memory flat however large the archive grows.
  db.pragma("cache_size = -16000");
  registerSearchFunctions(db);
  immediateTransactions(db);
  return db;
}
