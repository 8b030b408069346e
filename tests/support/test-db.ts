import { type Db, openDatabase } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";

/** A fresh in-memory database with every real migration applied. */
export function createTestDb(): Db {
  const db = openDatabase(":memory:");
  migrate(db);
  return db;
}
