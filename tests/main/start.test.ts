import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/index.js";
import { type FakeBotApi, startFakeBotApi, TEST_TOKEN } from "../../src/sandbox/fake-bot-api.js";
import { EDITOR, privateMessage, READER, TEST_CHANNEL } from "../support/updates.js";

const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");

let fake: FakeBotApi | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  child = undefined;
  await fake?.close();
  fake = undefined;
});

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startBot(env: Record<string, string>, cwd = process.cwd(), entry = "src/main.ts") {
  const output = { stdout: "", stderr: "" };
  const proc = spawn(TSX, [join(process.cwd(), entry)], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.on("data", (d) => {
    output.stdout += String(d);
  });
  proc.stderr?.on("data", (d) => {
    output.stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, output, exited };
}

describe("npm start", () => {
  it("runs the whole bot: answers readers, publishes the queue on schedule, and stops cleanly on SIGTERM", async () => {
    fake = await startFakeBotApi();
    const dir = mkdtempSync(join(tmpdir(), "newsroom-main-"));
    const env = {
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      CHANNEL_ID: `@${TEST_CHANNEL.username}`,
      ADMIN_IDS: String(EDITOR.id),
      DATABASE_PATH: join(dir, "news.db"),
      POST_SCHEDULE: "*/2 * * * * *",
      FEED_SCHEDULE: "0 0 1 1 *",
      LOG_LEVEL: "info",
    };
    writeFileSync(
      join(dir, "story.txt"),
      "Night trains return to the coast\n\n9:58 23.02.2023 •\n\nThe night service to the coast resumes in May, writes Rail Weekly.\n\nread more in our Telegram-channel\n",
    );
    const code = await runCli(["import", "--queue", join(dir, "story.txt")], {
      env,
      stdout: () => undefined,
      stderr: () => undefined,
      interactive: false,
    });
    expect(code).toBe(0);

    const bot = startBot(env);
    child = bot.proc;
    await vi.waitFor(() => expect(fake!.polling).toBe(true), { timeout: 30_000, interval: 100 });
    await vi.waitFor(() => expect(fake!.messages(TEST_CHANNEL.id)).toHaveLength(1), {
      timeout: 15_000,
    });
    // Queued stories are public once the channel has them: now /latest lists it.
    fake.pushUpdate(privateMessage("/latest", { from: READER }));
    await vi.waitFor(() => expect(fake!.messages(READER.id).length).toBeGreaterThan(0), {
      timeout: 15_000,
    });
    expect(fake.messages(READER.id)[0]!.text).toContain("Night trains return to the coast");
    const post = fake.messages(TEST_CHANNEL.id)[0]!;
    expect(post.text.split("\n")[0]).toBe("Night trains return to the coast");
    expect(post.text).toMatch(/read more in our Telegram-channel$/);
    expect(post.text.match(/read more in our Telegram-channel/g)).toHaveLength(1);
    expect(fake.commands().map((c) => c.command)).toContain("search");

    bot.proc.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output.stdout).toMatch(/"msg":"stopped"/);
    expect(bot.output.stdout + bot.output.stderr).not.toContain(TEST_TOKEN.split(":")[1]!);
  }, 90_000);

  it("in production, refuses to start without a token and says how to get one", async () => {
    const bot = startBot({
      BOT_TOKEN: "",
      NODE_ENV: "production",
      DATABASE_PATH: join(tmpdir(), "never-created", "news.db"),
    });
    child = bot.proc;
    expect(await bot.exited).toBe(2);
    expect(bot.output.stderr).toMatch(/BOT_TOKEN is not set/);
    expect(bot.output.stderr).toMatch(/@BotFather/);
    expect(bot.output.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 60_000);

  it("without a token, opens the sandbox on its own database and says how to go live", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsroom-sandbox-start-"));
    const port = await freePort();
    const bot = startBot(
      { BOT_TOKEN: "", NODE_ENV: "", SANDBOX_PORT: String(port), DATABASE_PATH: "data/live.db" },
      dir,
    );
    child = bot.proc;
    await vi.waitFor(() => expect(bot.output.stdout).toContain("@BotFather"), {
      timeout: 45_000,
      interval: 200,
    });
    expect(bot.output.stdout).toContain(`Open http://127.0.0.1:${port} in your browser`);
    expect(bot.output.stdout).toContain("Nothing is sent to Telegram");
    expect(bot.output.stdout).toContain("data/sandbox.db");
    const state = (await (await fetch(`http://127.0.0.1:${port}/api/state`)).json()) as {
      sample: { offered: boolean };
    };
    expect(state.sample.offered).toBe(true);
    expect(existsSync(join(dir, "data", "sandbox.db"))).toBe(true);
    expect(existsSync(join(dir, "data", "live.db"))).toBe(false);
    bot.proc.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  }, 60_000);

  it("says which variable to change when the sandbox's port is taken", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const dir = mkdtempSync(join(tmpdir(), "newsroom-sandbox-busy-"));
      const bot = startBot({ BOT_TOKEN: "", NODE_ENV: "", SANDBOX_PORT: String(port) }, dir);
      child = bot.proc;
      expect(await bot.exited).toBe(2);
      expect(bot.output.stderr).toContain(`Port ${port} is taken: set SANDBOX_PORT to a free port`);
      expect(bot.output.stderr).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 60_000);

  it("npm run sandbox opens the sandbox even when a token is set", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsroom-sandbox-run-"));
    const port = await freePort();
    const bot = startBot(
      {
        BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: "http://127.0.0.1:9",
        SANDBOX_PORT: String(port),
      },
      dir,
      "src/sandbox/main.ts",
    );
    child = bot.proc;
    await vi.waitFor(() => expect(bot.output.stdout).toContain("Nothing is sent to Telegram"), {
      timeout: 45_000,
      interval: 200,
    });
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    bot.proc.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  }, 60_000);
});
