import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { registerSearchFunctions } from "../search/index-functions.js";

export type Db = Database.Database;

/**
 * Opens the SQLite file (creating its folder), with WAL, foreign keys and a busy timeout.
 * `:memory:` gives a private in-memory database for tests. Registers the functions the
 * search index's triggers call (stemming happens in the application, not in SQLite).
 */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // A modest page cache keeps the bot's memory flat however large the archive grows.
  db.pragma("cache_size = -16000");
  registerSearchFunctions(db);
  return db;
}
