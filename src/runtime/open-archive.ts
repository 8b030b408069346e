import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type Db, type OpenOptions, openDatabase } from "../db/connection.js";
import { migrate, NewerSchemaError } from "../db/migrate.js";
import { StartupFailure } from "./startup-failure.js";

const NOT_WRITABLE = new Set(["EACCES", "EPERM", "EROFS"]);

function sqliteCode(error: unknown): string {
  return String((error as { code?: unknown }).code ?? "");
}

/** Turns what opening and migrating the file threw into the operator's one line, when known. */
function explain(path: string, error: unknown): StartupFailure | undefined {
  const code = sqliteCode(error);
  const folder = dirname(resolve(path));
  if (NOT_WRITABLE.has(code) || code === "SQLITE_CANTOPEN" || code.startsWith("SQLITE_READONLY")) {
    return new StartupFailure(
      `Cannot open the database ${path}: the folder ${folder} (or the file) is not writable by this user, and the bot must write the file and its -wal and -shm companions there. Fix the permissions, or set DATABASE_PATH to a writable place.`,
    );
  }
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new StartupFailure(
      `DATABASE_PATH=${path} is not an SQLite database of this bot (${(error as Error).message}). Point DATABASE_PATH at the bot's database, or move this file away to start a new archive.`,
    );
  }
  if (error instanceof NewerSchemaError) {
    return new StartupFailure(
      `The database ${path} was upgraded by a newer version of the bot (${error.message}). Run that newer version, or restore a backup made before the upgrade.`,
    );
  }
  return undefined;
}

/**
 * Opens the archive at DATABASE_PATH and applies the migrations, or throws a StartupFailure that
 * says what is wrong with the file in one line (a folder, not writable, not a database, newer
 * than this code). The database is closed again when anything fails.
 */
export function openArchive(
  path: string,
  options: OpenOptions = {},
): { db: Db; applied: string[] } {
  if (path !== ":memory:" && existsSync(path) && statSync(path).isDirectory()) {
    throw new StartupFailure(
      `DATABASE_PATH=${path} is a folder, not a database file. Name a file inside it, for example DATABASE_PATH=${join(path, "news.db")}.`,
      2,
    );
  }
  let db: Db | undefined;
  try {
    db = openDatabase(path, options);
    return { db, applied: migrate(db) };
  } catch (error) {
    db?.close();
    throw explain(path, error) ?? error;
  }
}
