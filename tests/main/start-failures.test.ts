import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";
import { type FakeBotApi, startFakeBotApi, TEST_TOKEN } from "../../src/sandbox/fake-bot-api.js";
import { freePort, type SpawnedBot, spawnBot } from "../support/spawn-bot.js";

/**
 * Every way the bot can fail before it runs, through the real entry point: one line on stderr
 * naming the cause and the fix, exit code 2 (configuration) or 1 (anything else), no stack
 * trace, and the token in no output at all.
 */
const TOKEN_SECRET = TEST_TOKEN.split(":")[1]!;
let fake: FakeBotApi;
let dir: string;
let running: SpawnedBot | undefined;

beforeAll(async () => {
  fake = await startFakeBotApi();
});
afterAll(() => fake.close());
afterEach(() => {
  if (running && running.proc.exitCode === null) running.proc.kill("SIGKILL");
  running = undefined;
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  dir = mkdtempSync(join(tmpdir(), "newsroom-fail-"));
  return {
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    CHANNEL_ID: "",
    DATABASE_PATH: join(dir, "news.db"),
    FEED_SCHEDULE: "0 0 1 1 *",
    POST_SCHEDULE: "0 0 1 1 *",
    LOG_LEVEL: "info",
    WEBHOOK_URL: "",
    HEALTH_PORT: "",
    ...extra,
  };
}

/** Runs the bot to its exit and checks the shape every start-up failure must have. */
async function failsWith(vars: Record<string, string>, options: { uid?: number } = {}) {
  const bot = spawnBot(vars, options);
  running = bot;
  const code = await bot.exited;
  const { stdout, stderr } = bot.output;
  const lines = stderr.trim().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stdout + stderr).not.toContain(TOKEN_SECRET);
  return { code, line: lines[0]!, stdout };
}

describe("npm start fails in one line", () => {
  it("when Telegram cannot be reached (exit 1, after a few quick tries)", async () => {
    const closed = await freePort();
    const started = Date.now();
    const { code, line } = await failsWith(
      env({ TELEGRAM_API_ROOT: `http://127.0.0.1:${closed}` }),
    );
    expect(code).toBe(1);
    expect(line).toMatch(
      new RegExp(`^Cannot reach Telegram at http://127\\.0\\.0\\.1:${closed} \\(ECONNREFUSED`),
    );
    expect(line).toContain("TELEGRAM_API_ROOT");
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 40_000);

  it("when Telegram refuses the token (exit 2)", async () => {
    const other = "987654321:AAFwrongwrongwrongwrongwrongwrong12";
    const bot = spawnBot(env({ BOT_TOKEN: other }));
    running = bot;
    expect(await bot.exited).toBe(2);
    const out = bot.output.stdout + bot.output.stderr;
    expect(bot.output.stderr.trim().split("\n")).toEqual([
      "Telegram refused BOT_TOKEN (401 Unauthorized): the token is wrong or was revoked. Copy it again from @BotFather (/mybots → API Token) into BOT_TOKEN.",
    ]);
    expect(out).not.toContain(other.split(":")[1]!);
  }, 30_000);

  it("when DATABASE_PATH is a folder (exit 2)", async () => {
    const vars = env();
    mkdirSync(join(dir, "archive"));
    const { code, line } = await failsWith({ ...vars, DATABASE_PATH: join(dir, "archive") });
    expect(code).toBe(2);
    expect(line).toBe(
      `DATABASE_PATH=${join(dir, "archive")} is a folder, not a database file. Name a file inside it, for example DATABASE_PATH=${join(dir, "archive", "news.db")}.`,
    );
  }, 30_000);

  it("when the database folder is read-only (exit 1)", async () => {
    const vars = env();
    const locked = join(dir, "locked");
    mkdirSync(locked);
    chmodSync(dir, 0o755);
    chmodSync(locked, 0o555);
    // Root may write anywhere: run the bot as an ordinary user then, as in production.
    const asUser = process.getuid?.() === 0 ? { uid: 65534 } : {};
    const { code, line } = await failsWith(
      { ...vars, DATABASE_PATH: join(locked, "news.db") },
      asUser,
    );
    expect(code).toBe(1);
    expect(line).toMatch(
      new RegExp(`^Cannot open the database ${join(locked, "news.db")}: the folder ${locked}`),
    );
    expect(line).toContain("not writable");
  }, 30_000);

  it("when DATABASE_PATH is not a database (exit 1)", async () => {
    const vars = env();
    writeFileSync(vars.DATABASE_PATH!, "these are my notes, not a database\n".repeat(200));
    const { code, line } = await failsWith(vars);
    expect(code).toBe(1);
    expect(line).toMatch(/is not an SQLite database of this bot/);
    expect(line).toContain("move this file away");
  }, 30_000);

  it("when the database is newer than this code (exit 1), and leaves it untouched", async () => {
    const vars = env();
    const db = openDatabase(vars.DATABASE_PATH!);
    migrate(db);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
      999,
      "999-from-the-future",
      Date.now(),
    );
    const before = db.prepare("SELECT version FROM schema_migrations").pluck().all();
    db.close();
    const { code, line } = await failsWith(vars);
    expect(code).toBe(1);
    expect(line).toMatch(/was upgraded by a newer version of the bot \(.*migration 999/);
    const after = openDatabase(vars.DATABASE_PATH!);
    expect(after.prepare("SELECT version FROM schema_migrations").pluck().all()).toEqual(before);
    after.close();
  }, 30_000);

  it("when the webhook port is taken (exit 1)", async () => {
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const { port } = squatter.address() as { port: number };
    try {
      const { code, line } = await failsWith(
        env({
          WEBHOOK_URL: "https://bot.example.com/telegram/webhook",
          WEBHOOK_SECRET: "s".repeat(40),
          WEBHOOK_HOST: "127.0.0.1",
          WEBHOOK_PORT: String(port),
        }),
      );
      expect(code).toBe(1);
      expect(line).toBe(
        `Cannot listen on 127.0.0.1:${port}: the port is already in use by another program. Stop that program, or set WEBHOOK_PORT to a free port.`,
      );
      expect(fake.webhook.url).toBe("");
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  }, 30_000);

  it("when the webhook settings are wrong (exit 2, every problem, with an example)", async () => {
    const { code, stdout } = await (async () => {
      const bot = spawnBot(
        env({ WEBHOOK_URL: "http://bot.example.com/hook", HEALTH_PORT: "99999" }),
      );
      running = bot;
      return { code: await bot.exited, stdout: bot.output.stdout + bot.output.stderr };
    })();
    expect(code).toBe(2);
    expect(stdout).toContain("WEBHOOK_URL: must be a public https URL");
    expect(stdout).toContain(
      "WEBHOOK_SECRET: is required when WEBHOOK_URL is set (make one with: openssl rand -hex 32)",
    );
    expect(stdout).toContain(
      "HEALTH_PORT: must be a port number from 1 to 65535 (example: HEALTH_PORT=9464)",
    );
    expect(stdout).not.toContain(TOKEN_SECRET);
  }, 30_000);
});
