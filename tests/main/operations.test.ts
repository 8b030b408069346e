import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/index.js";
import { openDatabase } from "../../src/db/connection.js";
import { type FakeBotApi, startFakeBotApi, TEST_TOKEN } from "../../src/sandbox/fake-bot-api.js";
import { freePort, type SpawnedBot, spawnBot } from "../support/spawn-bot.js";
import { EDITOR, privateMessage, READER, TEST_CHANNEL } from "../support/updates.js";

/** Running it for real: webhook mode, health endpoints, one bot per archive, the CLI beside it. */
const SECRET = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
const WEBHOOK_URL = "https://news-bot.example.com/telegram/hook";

let fake: FakeBotApi | undefined;
const children: SpawnedBot[] = [];
afterEach(async () => {
  // tsx passes SIGTERM on to the bot; SIGKILL would orphan the bot's own node process.
  for (const c of children.splice(0)) {
    if (c.proc.exitCode !== null) continue;
    c.proc.kill("SIGTERM");
    const timer = setTimeout(() => c.proc.kill("SIGKILL"), 10_000);
    await c.exited;
    clearTimeout(timer);
  }
  await fake?.close();
  fake = undefined;
});

const quiet = { stdout: () => undefined, stderr: () => undefined, interactive: false };

/** One story archived (public) and one queued (private until the channel has it). */
async function archiveWithOneQueuedStory(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "newsroom-ops-"));
  writeFileSync(
    join(dir, "story.txt"),
    "Harbour ferry gets a new timetable\n\n9:58 23.02.2023 •\n\nFerries will leave every twenty minutes from June, the port said.\n",
  );
  writeFileSync(
    join(dir, "queued.txt"),
    "Harbour market moves to Sundays\n\n9:58 24.02.2023 •\n\nThe market will open on Sundays from May, the council said.\n",
  );
  expect(await runCli(["import", join(dir, "story.txt")], { env, ...quiet })).toBe(0);
  const code = await runCli(["import", "--queue", join(dir, "queued.txt")], { env, ...quiet });
  expect(code).toBe(0);
}

function baseEnv(
  fakeRoot: string,
  dir: string,
): Record<string, string> & { DATABASE_PATH: string } {
  return {
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: fakeRoot,
    CHANNEL_ID: `@${TEST_CHANNEL.username}`,
    ADMIN_IDS: String(EDITOR.id),
    DATABASE_PATH: join(dir, "news.db"),
    POST_SCHEDULE: "0 0 1 1 *",
    FEED_SCHEDULE: "0 0 1 1 *",
    LOG_LEVEL: "info",
    WEBHOOK_URL: "",
    WEBHOOK_SECRET: "",
    HEALTH_PORT: "",
  };
}

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, text: await res.text() };
};

function post(url: string, body: string, headers: Record<string, string>) {
  return fetch(url, { method: "POST", body, headers }).then(async (r) => ({
    status: r.status,
    text: await r.text(),
  }));
}

describe("npm start in production", () => {
  it("takes updates by webhook, guards it, serves health and metrics, and keeps a second bot out", async () => {
    fake = await startFakeBotApi();
    const dir = mkdtempSync(join(tmpdir(), "newsroom-webhook-"));
    const [webhookPort, healthPort] = [await freePort(), await freePort()];
    const env = {
      ...baseEnv(fake.apiRoot, dir),
      WEBHOOK_URL,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_HOST: "127.0.0.1",
      WEBHOOK_PORT: String(webhookPort),
      HEALTH_PORT: String(healthPort),
    };
    await archiveWithOneQueuedStory(env);

    const bot = spawnBot(env);
    children.push(bot);
    await vi.waitFor(() => expect(fake!.webhook.url).toBe(WEBHOOK_URL), { timeout: 30_000 });
    expect(fake.webhook).toEqual({
      url: WEBHOOK_URL,
      secretToken: SECRET,
      allowedUpdates: ["message", "callback_query", "inline_query"],
    });
    expect(fake.callsTo("getUpdates")).toEqual([]);

    const via = `http://127.0.0.1:${webhookPort}`;
    const delivered = await fake.deliverUpdate(privateMessage("/latest", { from: READER }), via);
    expect(delivered.status).toBe(200);
    await vi.waitFor(() => expect(fake!.messages(READER.id)).toHaveLength(1), { timeout: 15_000 });
    expect(fake.messages(READER.id)[0]!.text).toContain("Harbour ferry gets a new timetable");
    expect(fake.messages(READER.id)[0]!.text).not.toContain("Harbour market moves to Sundays");

    // Without the secret, with a wrong one, too large, or not JSON: refused, nothing happens.
    const hook = `${via}/telegram/hook`;
    const update = JSON.stringify(privateMessage("/latest", { from: READER }));
    const json = { "content-type": "application/json" };
    expect((await post(hook, update, json)).status).toBe(401);
    expect(
      (await post(hook, update, { ...json, "x-telegram-bot-api-secret-token": "x".repeat(64) }))
        .status,
    ).toBe(401);
    const authed = { ...json, "x-telegram-bot-api-secret-token": SECRET };
    expect((await post(hook, "x".repeat(1024 * 1024 + 1), authed)).status).toBe(413);
    expect((await post(hook, "{not json", authed)).status).toBe(400);
    expect((await post(hook, update, { ...authed, "content-type": "text/plain" })).status).toBe(
      415,
    );
    expect((await get(hook)).status).toBe(405);
    expect((await get(`${via}/elsewhere`)).status).toBe(404);

    const health = `http://127.0.0.1:${healthPort}`;
    const healthz = await get(`${health}/healthz`);
    expect(healthz.status).toBe(200);
    expect(JSON.parse(healthz.text)).toMatchObject({ status: "ok" });
    const readyz = await get(`${health}/readyz`);
    expect(readyz.status).toBe(200);
    expect(JSON.parse(readyz.text)).toMatchObject({
      ready: true,
      problems: [],
      mode: "webhook",
      database: "ok",
      telegram: { reachable: true },
      publishing: { paused: false },
      queueLength: 1,
      lastPost: null,
      failingFeeds: [],
    });
    const metrics = (await get(`${health}/metrics`)).text;
    expect(metrics).toContain('newsroom_updates_total{type="message"} 1');
    expect(metrics).toContain('newsroom_command_replies_total{command="latest"} 1');
    expect(metrics).toContain('newsroom_command_duration_seconds_count{command="latest"} 1');
    expect(metrics).toContain("newsroom_queue_length 1");
    expect(metrics).toContain("newsroom_archive_articles 2");
    expect(metrics).toMatch(/newsroom_archive_bytes [1-9]\d+/);
    expect(metrics).toContain('newsroom_posts_total{outcome="sent"} 0');

    // A second bot on the same archive refuses in one line; the CLI works beside the first.
    const second = spawnBot({ ...env, WEBHOOK_PORT: String(await freePort()), HEALTH_PORT: "" });
    children.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output.stderr.trim().split("\n")).toHaveLength(1);
    expect(second.output.stderr).toMatch(
      new RegExp(`^Another bot is already running on ${env.DATABASE_PATH} \\(pid \\d+ on `),
    );
    const out: string[] = [];
    const statsCode = await runCli(["stats"], { env, ...quiet, stdout: (t) => out.push(t) });
    expect(statsCode).toBe(0);
    expect(out.join("")).toContain("queued: 1");
    const copy = join(dir, "backup", "copy.db");
    expect(await runCli(["backup", copy], { env, ...quiet })).toBe(0);
    const restored = openDatabase(copy);
    expect(restored.prepare("SELECT COUNT(*) FROM instance_lease").pluck().get()).toBe(0);
    expect(restored.prepare("SELECT COUNT(*) FROM articles").pluck().get()).toBe(2);
    restored.close();

    bot.proc.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    const all = [bot, second].map((b) => b.output.stdout + b.output.stderr).join("");
    expect(all).not.toContain(TEST_TOKEN.split(":")[1]!);
    expect(all).not.toContain(SECRET);
  }, 120_000);

  it("polls after a webhook (deleteWebhook), is ready, and a restart after kill -9 takes the stale lease over", async () => {
    fake = await startFakeBotApi();
    await fetch(`${fake.apiRoot}/bot${TEST_TOKEN}/setWebhook?url=https://old.example.com/hook`);
    expect(fake.webhookUrl).toBe("https://old.example.com/hook");
    const dir = mkdtempSync(join(tmpdir(), "newsroom-poll-"));
    const healthPort = await freePort();
    const env = { ...baseEnv(fake.apiRoot, dir), HEALTH_PORT: String(healthPort) };

    const first = spawnBot(env);
    children.push(first);
    await vi.waitFor(() => expect(fake!.polling).toBe(true), { timeout: 30_000 });
    expect(fake.webhookUrl).toBe("");
    expect(fake.callsTo("deleteWebhook")).toHaveLength(1);
    const ready = await get(`http://127.0.0.1:${healthPort}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({ ready: true, mode: "polling" });

    // kill -9 of the bot's own process (tsx runs it as a child): it leaves its lease behind.
    const db = openDatabase(env.DATABASE_PATH);
    const pid = db.prepare("SELECT pid FROM instance_lease").pluck().get() as number;
    db.close();
    process.kill(pid, "SIGKILL");
    await first.exited;
    const second = spawnBot(env);
    children.push(second);
    await vi.waitFor(() => expect(second.output.stdout).toContain("took over the lease"), {
      timeout: 30_000,
    });
    fake.pushUpdate(privateMessage("/help", { from: READER }));
    await vi.waitFor(() => expect(fake!.messages(READER.id).length).toBeGreaterThan(0), {
      timeout: 15_000,
    });
    second.proc.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 120_000);
});
