import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/index.js";
import { openDatabase } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";

async function cli(databasePath: string, ...argv: string[]) {
  const out = { stdout: "", stderr: "" };
  const code = await runCli(argv, {
    env: { DATABASE_PATH: databasePath },
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    interactive: false,
  });
  return { code, ...out };
}

describe("the command line on an archive it cannot use", () => {
  it("says in one line that DATABASE_PATH is a folder (exit 2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsroom-cli-dir-"));
    mkdirSync(join(dir, "db"));
    const result = await cli(join(dir, "db"), "stats");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `DATABASE_PATH=${join(dir, "db")} is a folder, not a database file. Name a file inside it, for example DATABASE_PATH=${join(dir, "db", "news.db")}.\n`,
    );
  });

  it("refuses a database a newer version upgraded (exit 1), instead of a stack trace", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "newsroom-cli-new-")), "news.db");
    const db = openDatabase(path);
    migrate(db);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (950, 'x', 0)",
    ).run();
    db.close();
    const result = await cli(path, "stats");
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("was upgraded by a newer version of the bot");
    expect(result.stdout).toBe("");
  });
});
