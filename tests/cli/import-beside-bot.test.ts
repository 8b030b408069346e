import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { holdWriteLock, type WriteLock } from "../support/write-lock.js";
import { runCliCaptured } from "./run-cli.js";

let lock: WriteLock | undefined;
afterEach(async () => {
  await lock?.stop();
  lock = undefined;
});

it("imports a large file while another connection keeps writing, with no stack trace", async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsroom-import-busy-"));
  const env = { DATABASE_PATH: join(dir, "news.db"), TIMEZONE: "UTC" };
  const file = join(dir, "articles.json");
  const articles = Array.from({ length: 10000 }, (_, i) => ({
    title: `Harbour report number ${i}`,
    body: `The harbour master reported ${i} ships today. Traffic was calm and the weather mild.`,
    url: `https://gazette.example/report/${i}`,
    publishedAt: Date.UTC(2024, 2, 4) + i * 60_000,
  }));
  writeFileSync(file, JSON.stringify(articles));
  expect((await runCliCaptured(env, ["stats"])).code).toBe(0);

  // The "bot": another connection that takes the write lock again and again while it works.
  lock = holdWriteLock(env.DATABASE_PATH, { cycle: true, holdMs: 5, gapMs: 5 });
  await lock.held;
  const run = await runCliCaptured(env, ["import", file]);

  expect(run.stderr).not.toMatch(/SQLITE|Error|at .*\.ts/);
  expect(run.stdout).toBe("imported: 10000 new, 0 updated, 0 already in the archive, 0 refused\n");
  expect(run.code).toBe(0);
  await lock.stop();
  lock = undefined;
  // The other connection really did write while the import ran.
  const check = new Database(env.DATABASE_PATH, { readonly: true });
  const ticks = check.prepare("SELECT count(*) FROM lock_holder_ticks").pluck().get() as number;
  check.close();
  expect(ticks).toBeGreaterThan(3);
}, 60_000);
