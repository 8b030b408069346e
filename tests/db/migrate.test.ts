import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { loadMigrations, MIGRATIONS_DIR, migrate, NewerSchemaError } from "../../src/db/migrate.js";

describe("migrations", () => {
  it("applies every migration to an empty database and records each", () => {
    const db = openDatabase(":memory:");
    const applied = migrate(db);
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql"));
    expect(applied).toHaveLength(files.length);
    const recorded = db
      .prepare("SELECT name FROM schema_migrations ORDER BY version")
      .pluck()
      .all();
    expect(recorded).toEqual(files.sort().map((f) => f.replace(/\.sql$/, "")));
    expect(migrate(db)).toEqual([]);
  });

  it("upgrades an older database in place, keeping its data", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsroom-migrate-"));
    const path = join(dir, "old.db");
    const all = loadMigrations();
    const old = openDatabase(path);
    migrate(old, all.slice(0, 1));
    old
      .prepare(
        "INSERT INTO articles (title, body, published_at, created_at, content_hash) VALUES ('Kept', 'Body text', 1, 1, 'h')",
      )
      .run();
    old.close();

    const reopened = openDatabase(path);
    expect(migrate(reopened)).toEqual(all.slice(1).map((m) => m.name));
    expect(reopened.prepare("SELECT title FROM articles").pluck().get()).toBe("Kept");
    reopened.close();
  });

  it("fills identity keys and visibility of an archive made before migration 005", () => {
    const db = openDatabase(":memory:");
    const all = loadMigrations();
    migrate(
      db,
      all.filter((m) => m.version < 5),
    );
    db.prepare(
      "INSERT INTO feeds (id, url, created_at) VALUES (1, 'https://a.example/rss', 0)",
    ).run();
    const article = db.prepare(
      "INSERT INTO articles (title, body, url, guid, feed_id, published_at, created_at, content_hash) VALUES (?, 'Body', ?, ?, ?, 1, 1, ?)",
    );
    // Before 005 a guid-less item's guid column held its link.
    article.run("Posted", "https://a.example/1", "g-1", 1, "h1");
    article.run("Queued", "https://a.example/2#x", "https://a.example/2#x", 1, "h2");
    article.run("Removed", null, null, null, "h3");
    article.run("Archived", null, null, null, "h4");
    const item = db.prepare(
      "INSERT INTO publish_queue (article_id, channel, state, position, created_at, updated_at) VALUES (?, '@c', ?, ?, 0, 0)",
    );
    item.run(1, "posted", 1);
    item.run(2, "queued", 2);
    item.run(3, "removed", 3);

    expect(migrate(db).map((name) => name.slice(0, 3))).toContain("005");
    expect(db.prepare("SELECT title, visibility FROM articles ORDER BY id").all()).toEqual([
      { title: "Posted", visibility: "public" },
      { title: "Queued", visibility: "private" },
      { title: "Removed", visibility: "private" },
      { title: "Archived", visibility: "public" },
    ]);
    expect(
      db
        .prepare(
          "SELECT feed_id, item_key, article_id, own, item_hash FROM feed_items ORDER BY article_id",
        )
        .all(),
    ).toEqual([
      { feed_id: 1, item_key: "g-1", article_id: 1, own: 1, item_hash: null },
      { feed_id: 1, item_key: "https://a.example/2#x", article_id: 2, own: 1, item_hash: null },
    ]);
    // Posting the queued one makes it public, in the same statement that records the post.
    db.prepare("UPDATE publish_queue SET state = 'sending' WHERE article_id = 2").run();
    db.prepare("UPDATE publish_queue SET state = 'posted' WHERE article_id = 2").run();
    expect(db.prepare("SELECT visibility FROM articles WHERE id = 2").pluck().get()).toBe("public");
  });

  it("rolls back a failing migration entirely and records nothing for it", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsroom-migrate-bad-"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "001-good.sql"), "CREATE TABLE a (x INTEGER);");
    writeFileSync(
      join(dir, "002-bad.sql"),
      "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);",
    );
    const db = openDatabase(":memory:");
    expect(() => migrate(db, loadMigrations(dir))).toThrow(/nowhere/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toContain("a");
    expect(tables).not.toContain("b");
    expect(db.prepare("SELECT version FROM schema_migrations").pluck().all()).toEqual([1]);
  });

  it("opens file databases in WAL mode with foreign keys on", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsroom-pragma-"));
    const db = openDatabase(join(dir, "nested", "news.db"));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    // The bot's thread never waits long for another connection's lock.
    expect(db.pragma("busy_timeout", { simple: true })).toBe(250);
    db.close();
  });

  it("makes write transactions IMMEDIATE: the lock is taken before the first read", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsroom-immediate-"));
    const path = join(dir, "news.db");
    const db = openDatabase(path);
    const other = openDatabase(path);
    db.exec("CREATE TABLE t (x INTEGER)");
    db.transaction(() => {
      db.prepare("SELECT count(*) FROM t").get();
      // Another connection cannot write meanwhile: this transaction already holds the lock.
      expect(() => other.exec("INSERT INTO t VALUES (1)")).toThrow(/locked/);
      db.prepare("INSERT INTO t VALUES (2)").run();
    })();
    expect(other.prepare("SELECT x FROM t").pluck().all()).toEqual([2]);
    other.close();
    db.close();
  });

  it("refuses a database a newer version upgraded, and changes nothing in it", () => {
    const db = openDatabase(":memory:");
    migrate(db, loadMigrations().slice(0, 1));
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
      998,
      "998-later",
      0,
    );
    const before = db.prepare("SELECT version FROM schema_migrations ORDER BY 1").pluck().all();
    expect(() => migrate(db)).toThrow(NewerSchemaError);
    expect(() => migrate(db)).toThrow(
      "the database has migration 998 that this version does not know",
    );
    expect(db.prepare("SELECT version FROM schema_migrations ORDER BY 1").pluck().all()).toEqual(
      before,
    );
  });
});
