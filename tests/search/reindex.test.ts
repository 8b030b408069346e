import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createArticleService } from "../../src/articles/article-service.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import { openDatabase } from "../../src/db/connection.js";
import { loadMigrations, migrate } from "../../src/db/migrate.js";
import { startReindexJob } from "../../src/scheduler/reindex-job.js";
import { createReindexer } from "../../src/search/reindex.js";
import { createSearchService } from "../../src/search/search-service.js";
import { runCliCaptured } from "../cli/run-cli.js";
import { recordingLogger } from "../support/recording-logger.js";

const titles = (path: string, q: string) => {
  const db = openDatabase(path);
  const found = createSearchService(db)
    .search(q, { limit: 50 })
    .hits.map((h) => h.title);
  db.close();
  return found;
};

/**
 * An archive from before word-form search (migrations up to 004) whose ids reach past
 * 20,000: the upgrade indexes the newest 20,000 ids at once and leaves the 30 oldest
 * articles to be re-indexed, as it would a large archive's older part.
 */
function oldLargeArchive(): string {
  const dir = mkdtempSync(join(tmpdir(), "newsroom-reindex-"));
  const path = join(dir, "news.db");
  const db = openDatabase(path);
  migrate(
    db,
    loadMigrations().filter((m) => m.version <= 4),
  );
  const insert = db.prepare(
    "INSERT INTO articles (id, title, body, published_at, created_at, content_hash) VALUES (?, ?, ?, 0, 0, ?)",
  );
  for (let id = 1; id <= 30; id++) {
    insert.run(id, `Старая новость ${id}`, `На улице номер ${id} открыли кафе.`, `h${id}`);
  }
  insert.run(20_030, "Свежая новость", "На улицах города праздник.", "h-new");
  db.close();
  return path;
}

describe("upgrading an archive to word-form search", () => {
  it("indexes the newest articles at once and the older ones in steps, newest first", () => {
    const path = oldLargeArchive();
    const db = openDatabase(path);
    migrate(db);
    expect(titles(path, "улица")).toEqual(["Свежая новость"]);
    const reindexer = createReindexer(db);
    expect(reindexer.progress()).toEqual({ done: 20_000, total: 20_030, finished: false });
    expect(reindexer.step(10)).toEqual({ done: 20_010, total: 20_030, finished: false });
    expect(titles(path, "улица")).toHaveLength(11);
    expect(titles(path, "улица")).toContain("Старая новость 30");
    expect(titles(path, "улица")).not.toContain("Старая новость 20");
    reindexer.step(10);
    expect(reindexer.step(10).finished).toBe(true);
    expect(titles(path, "улица")).toHaveLength(31);
    db.close();
  });

  it("re-indexes an article edited meanwhile only once", () => {
    const path = oldLargeArchive();
    const db = openDatabase(path);
    migrate(db);
    db.prepare("UPDATE articles SET body = ? WHERE id = 5").run("Переулок закрыли на ремонт.");
    while (!createReindexer(db).step(7).finished) {}
    expect(titles(path, "переулок")).toEqual(["Старая новость 5"]);
    expect(titles(path, "улица")).not.toContain("Старая новость 5");
    const check = db.prepare(
      "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 0)",
    );
    expect(() => check.run()).not.toThrow();
    db.close();
  });

  it("finishes in the background of the bot, logging its progress", async () => {
    const path = oldLargeArchive();
    const db = openDatabase(path);
    migrate(db);
    const { logger, lines } = recordingLogger();
    const job = startReindexJob({ reindexer: createReindexer(db), logger, batch: 4, pauseMs: 0 });
    await job.done;
    expect(lines.map((l) => l.msg)).toContain("re-indexing older articles for search");
    expect(lines.map((l) => l.msg).at(-1)).toBe("search re-index finished");
    expect(titles(path, "улица")).toHaveLength(31);
    db.close();
  });

  it("is finished by `npm run cli -- reindex`, which reports its progress", async () => {
    const path = oldLargeArchive();
    const env = { DATABASE_PATH: path, TIMEZONE: "UTC" };
    const before = await runCliCaptured(env, ["search", "улица"]);
    expect(before.stderr).toMatch(/still being re-indexed \(99%\): run `reindex` to finish/);
    const run = await runCliCaptured(env, ["reindex"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^search index complete/m);
    expect(run.stderr).toMatch(/re-indexing: 100%/);
    expect(titles(path, "улицей")).toHaveLength(31);
    const again = await runCliCaptured(env, ["reindex"]);
    expect(again.stdout).toMatch(/nothing to re-index/);
  });

  it("indexes an article written by hand in SQL with the archive's next store", () => {
    const db = openDatabase(":memory:");
    migrate(db);
    db.prepare(
      "INSERT INTO articles (title, body, published_at, created_at, content_hash) VALUES (?, ?, 0, 0, 'h')",
    ).run("Паром отменили", "Паромы не ходят из-за шторма.");
    const search = createSearchService(db);
    expect(search.search("паромы").hits).toEqual([]);
    createArticleService({ db, articles: createArticlesRepository(db) }).store({
      title: "Шторм стих",
      body: "Паром снова ходит по расписанию.",
    });
    expect(
      search
        .search("паромы", { limit: 10 })
        .hits.map((h) => h.title)
        .sort(),
    ).toEqual(["Паром отменили", "Шторм стих"]);
  });

  it("finds Russian word forms from the command line, the matched word in brackets", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsroom-cli-ru-"));
    const env = { DATABASE_PATH: join(dir, "news.db"), TIMEZONE: "UTC" };
    writeFileSync(
      join(dir, "ru.json"),
      JSON.stringify([
        {
          title: "Курсы для школьников",
          body: "Дети учатся программированию на улице Ленина.",
          language: "ru",
          publishedAt: "2025-03-01T10:00:00Z",
        },
      ]),
    );
    expect((await runCliCaptured(env, ["import", join(dir, "ru.json")])).code).toBe(0);
    const found = await runCliCaptured(env, ["search", "программирование", "улица"]);
    expect(found.stdout).toMatch(/#1 2025-03-01 Курсы для школьников/);
    expect(found.stdout).toContain("[программированию] на [улице] Ленина");
  });
});
