import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "./connection.js";

export const MIGRATIONS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "migrations",
);

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The database was upgraded by a newer version of the bot: this code does not know its schema. */
export class NewerSchemaError extends Error {
  constructor(readonly unknownVersions: readonly number[]) {
    super(
      `the database has migration${unknownVersions.length > 1 ? "s" : ""} ${unknownVersions.join(", ")} that this version does not know`,
    );
    this.name = "NewerSchemaError";
  }
}

/** Reads `NNN-name.sql` files in version order. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.replace(/\.sql$/, ""),
      sql: readFileSync(join(dir, file), "utf8"),
    }));
}

/**
 * Applies every migration newer than the database, each in its own transaction,
 * recording it in `schema_migrations`. Returns the names applied now.
 * @throws NewerSchemaError when the database has migrations this code does not know (a newer
 *   version of the bot upgraded it): nothing is changed then.
 */
export function migrate(db: Db, migrations: readonly Migration[] = loadMigrations()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(
    db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[],
  );
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...applied].filter((v) => !known.has(v)).sort((a, b) => a - b);
  if (unknown.length > 0) throw new NewerSchemaError(unknown);
  const record = db.prepare(
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
  );
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    })();
    done.push(migration.name);
  }
  return done;
}
