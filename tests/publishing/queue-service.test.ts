import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";
import { ArticleNotFoundError, QueueItemStateError } from "../../src/publishing/queue-errors.js";
import { setupPublishing } from "./publishing-setup.js";

const titles = (s: ReturnType<typeof setupPublishing>) => s.queue.list().map((item) => item.title);

describe("the publication queue", () => {
  it("queues articles in order and refuses to queue one twice", () => {
    const s = setupPublishing();
    const [a, b] = [s.addArticle("First"), s.addArticle("Second")];
    expect(s.queue.enqueue(a).status).toBe("queued");
    expect(s.queue.enqueue(b).status).toBe("queued");
    expect(s.queue.enqueue(a).status).toBe("already-queued");
    expect(titles(s)).toEqual(["First", "Second"]);
  });

  it("refuses an unknown article", () => {
    const s = setupPublishing();
    expect(() => s.queue.enqueue(12345)).toThrow(ArticleNotFoundError);
  });

  it("queues at the top on request", () => {
    const s = setupPublishing();
    s.queue.enqueue(s.addArticle("First"));
    s.queue.enqueue(s.addArticle("Urgent"), { top: true });
    expect(titles(s)).toEqual(["Urgent", "First"]);
  });

  it("moves items to the top, up and down, and reorders them", () => {
    const s = setupPublishing();
    const ids = ["A", "B", "C", "D"].map((t) => s.queue.enqueue(s.addArticle(t)).item.id);
    s.queue.moveToTop(ids[2]!);
    expect(titles(s)).toEqual(["C", "A", "B", "D"]);
    s.queue.moveDown(ids[2]!);
    expect(titles(s)).toEqual(["A", "C", "B", "D"]);
    s.queue.moveUp(ids[3]!);
    expect(titles(s)).toEqual(["A", "C", "D", "B"]);
    s.queue.moveUp(ids[0]!);
    expect(titles(s)).toEqual(["A", "C", "D", "B"]);
    s.queue.reorder([ids[3]!, ids[1]!]);
    expect(titles(s)).toEqual(["D", "B", "A", "C"]);
  });

  it("removes a queued item, which may then be queued again", () => {
    const s = setupPublishing();
    const article = s.addArticle("Gone");
    const { item } = s.queue.enqueue(article);
    expect(s.queue.remove(item.id).state).toBe("removed");
    expect(titles(s)).toEqual([]);
    expect(() => s.queue.remove(item.id)).toThrow(QueueItemStateError);
    expect(s.queue.enqueue(article).status).toBe("queued");
  });

  it("keeps at most one live and one posted item per article and channel in the database", () => {
    const s = setupPublishing();
    const article = s.addArticle();
    s.queue.enqueue(article);
    const insert = () =>
      s.queueRepo.insert({
        articleId: article,
        channel: "@newsroom_test",
        position: 9,
        notBefore: null,
        at: 1,
      });
    expect(insert).toThrow(/UNIQUE/);
  });

  it("plans each item on the schedule, POSTS_PER_RUN at a time, honouring not-before times", () => {
    const now = Date.UTC(2024, 4, 1, 10, 5);
    const s = setupPublishing({ schedule: "*/30 * * * *", postsPerRun: 2, now: () => now });
    s.queue.enqueue(s.addArticle("A"));
    s.queue.enqueue(s.addArticle("Later"), { notBefore: Date.UTC(2024, 4, 1, 12, 10) });
    s.queue.enqueue(s.addArticle("B"));
    s.queue.enqueue(s.addArticle("C"));
    const planned = Object.fromEntries(
      s.queue.list().map((item) => [item.title, new Date(item.plannedAt!).toISOString()]),
    );
    expect(planned).toEqual({
      A: "2024-05-01T10:30:00.000Z",
      B: "2024-05-01T10:30:00.000Z",
      C: "2024-05-01T11:00:00.000Z",
      Later: "2024-05-01T12:30:00.000Z",
    });
  });

  it("plans in the configured time zone", () => {
    const now = Date.UTC(2024, 4, 1, 10, 5);
    const s = setupPublishing({ schedule: "0 9 * * *", timezone: "Europe/Moscow", now: () => now });
    s.queue.enqueue(s.addArticle("A"));
    s.queue.enqueue(s.addArticle("B"));
    expect(s.queue.list().map((i) => new Date(i.plannedAt!).toISOString())).toEqual([
      "2024-05-02T06:00:00.000Z",
      "2024-05-03T06:00:00.000Z",
    ]);
  });

  it("shows no planned time while paused", () => {
    const s = setupPublishing();
    s.queue.enqueue(s.addArticle());
    s.queue.pause("holiday");
    expect(s.queue.list()[0]!.plannedAt).toBeNull();
    expect(s.queue.stats().paused).toMatchObject({ by: "editor", reason: "holiday" });
  });
});

describe("pause and resume", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("is kept across reopening the database file", () => {
    dir = mkdtempSync(join(tmpdir(), "publishing-"));
    const path = join(dir, "news.db");
    const first = openDatabase(path);
    migrate(first);
    const s1 = setupPublishing({ db: first });
    expect(s1.queue.pause()).toBe(true);
    expect(s1.queue.pause()).toBe(false);
    first.close();

    const second = openDatabase(path);
    migrate(second);
    const s2 = setupPublishing({ db: second });
    expect(s2.queue.isPaused()).toBe(true);
    expect(s2.queue.resume()).toBe(true);
    second.close();

    const third = openDatabase(path);
    expect(setupPublishing({ db: third }).queue.isPaused()).toBe(false);
    third.close();
  });
});
