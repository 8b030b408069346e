import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, PAGE_SIZE } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "newsroom-db-"));
  dirs.push(dir);
  return join(dir, "archive.db");
}

describe("opening the archive", () => {
  it("gives a new archive 8 KB pages, in WAL mode", () => {
    const db = openDatabase(tempPath());
    migrate(db);
    expect(db.pragma("page_size", { simple: true })).toBe(PAGE_SIZE);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("keeps an existing archive's page size and works on it", () => {
    const path = tempPath();
    const old = new Database(path);
    old.pragma("page_size = 4096");
    old.pragma("journal_mode = WAL");
    old.exec("CREATE TABLE before_upgrade (x)");
    old.close();
    const db = openDatabase(path);
    migrate(db);
    expect(db.pragma("page_size", { simple: true })).toBe(4096);
    db.prepare(
      "INSERT INTO articles (title, body, published_at, created_at, content_hash) VALUES ('t', 'b', 0, 0, 'h')",
    ).run();
    expect(db.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(1);
    db.close();
  });
});
