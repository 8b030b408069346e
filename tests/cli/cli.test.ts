import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/index.js";
import { runCliCaptured } from "./run-cli.js";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");

const cli = (dbPath: string, ...args: string[]) =>
  runCliCaptured({ DATABASE_PATH: dbPath, TIMEZONE: "Europe/Moscow" }, args);

/** The real entry point in a child process, as `npm run cli` starts it. */
async function cliProcess(dbPath: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, ["src/cli/index.ts", ...args], {
      env: { ...process.env, DATABASE_PATH: dbPath, BOT_TOKEN: "", TIMEZONE: "Europe/Moscow" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "newsroom-cli-"));
  return { dir, db: join(dir, "news.db") };
}

const ARTICLE = `Library extends opening hours\n\n9:30 12.04.2024 •\n\nThe central library will stay open until 22:00 on weekdays, reports City News.\n\nread more in our Telegram-channel\n`;

describe("the operator's command line", () => {
  it("imports text and JSON files, reports what it did, and does not import twice", async () => {
    const { dir, db } = workspace();
    writeFileSync(join(dir, "a.txt"), ARTICLE);
    writeFileSync(
      join(dir, "batch.json"),
      JSON.stringify([
        {
          title: "Tram line opens",
          body: "The new tram line carries its first passengers today.",
          url: "https://city.example/tram",
        },
        { title: "", body: "no headline" },
        { body: "missing title" },
      ]),
    );
    const first = await cli(db, "import", join(dir, "a.txt"), join(dir, "batch.json"));
    expect(first.stdout).toContain(
      "imported: 2 new, 0 updated, 0 already in the archive, 2 refused",
    );
    expect(first.stderr).toMatch(/batch\.json\[1\]: the article has no headline/);
    expect(first.stderr).toMatch(/batch\.json\[2\]: title/);
    expect(first.code).toBe(1);

    const again = await cli(db, "import", join(dir, "a.txt"));
    expect(again.stdout).toContain(
      "imported: 0 new, 0 updated, 1 already in the archive, 0 refused",
    );
    expect(again.code).toBe(0);
    expect((await cli(db, "stats")).stdout).toMatch(/articles: 2/);
  });

  it("refuses an unreadable file and a broken JSON file with the reason", async () => {
    const { dir, db } = workspace();
    writeFileSync(join(dir, "broken.json"), "[{");
    const result = await cli(db, "import", join(dir, "missing.txt"), join(dir, "broken.json"));
    expect(result.stderr).toMatch(/missing\.txt: no such file/);
    expect(result.stderr).toMatch(/broken\.json: not valid JSON/);
    expect(result.code).toBe(1);
  });

  it("backs up the database to a new file and will not overwrite without --force", async () => {
    const { dir, db } = workspace();
    writeFileSync(join(dir, "a.txt"), ARTICLE);
    await cli(db, "import", join(dir, "a.txt"));
    const target = join(dir, "copy", "backup.db");
    expect((await cli(db, "backup", target)).code).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect((await cli(target, "stats")).stdout).toMatch(/articles: 1/);
    const refused = await cli(db, "backup", target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/exists/);
  });

  it("prints usage for an unknown command with exit code 2, as a real process", async () => {
    const { db } = workspace();
    const result = await cliProcess(db, "frobnicate");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command: frobnicate/);
    expect(result.stderr).toMatch(/usage: npm run cli/);
  }, 60_000);

  it("stops on an invalid setting with one clear line and exit code 2", async () => {
    let stderr = "";
    const code = await runCli(["stats"], {
      env: { TIMEZONE: "Nowhere/City" },
      stdout: () => undefined,
      stderr: (t) => {
        stderr += t;
      },
      interactive: false,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^TIMEZONE: is not a known IANA time zone \(example: TIMEZONE=/m);
  });
});
