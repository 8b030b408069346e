import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { startFakeBotApi, TEST_TOKEN } from "../../src/sandbox/fake-bot-api.js";
import { inlineQuery, privateMessage, READER } from "../../tests/support/updates.js";

export interface BotMemory {
  /** VmHWM of the bot's own node process (the one running src/main.ts), MB. */
  readonly peakMb: number;
  /** VmRSS at the end, MB. */
  readonly endMb: number;
  readonly answered: number;
  readonly asked: number;
  /** Milliseconds from an update's arrival in the fake Bot API's queue to the bot's answer. */
  readonly replyMs: readonly number[];
}

const ROOT = process.env.BOT_ROOT ?? new URL("../..", import.meta.url).pathname;

function statusKb(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const line = status.split("\n").find((l) => l.startsWith(`${field}:`));
  return Number(line?.match(/\d+/)?.[0] ?? Number.NaN);
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
    if (text) out.push(...text.split(/\s+/).map(Number));
  }
  return out;
}

/** The process running the bot: npm → sh → tsx → node (src/main.ts), the deepest one. */
function botPid(root: number): number | undefined {
  let found: number | undefined;
  const walk = (pid: number) => {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (cmd.includes("src/main.ts")) found = pid;
    for (const child of childrenOf(pid)) walk(child);
  };
  walk(root);
  return found;
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

/**
 * Runs the real bot (`npm start`) against the fake Bot API on the archive at `dbPath`, asks it
 * each query as `/search` from a reader of its own (so the rate limit never answers instead)
 * and each partial one inline, one at a time, then reads the bot process's peak resident
 * memory (VmHWM) from /proc. Measured on the bot's own process: a child spawned by the
 * benchmark would count the benchmark's memory at fork time too.
 */
export async function measureBotMemory(
  dbPath: string,
  queries: readonly string[],
  partial: readonly string[],
): Promise<BotMemory> {
  const fake = await startFakeBotApi();
  let npm: ChildProcess | undefined;
  try {
    npm = spawn("npm", ["start"], {
      cwd: ROOT,
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATABASE_PATH: dbPath,
        FEED_SCHEDULE: "0 0 1 1 *",
        LOG_LEVEL: "warn",
      },
    });
    if (!(await until(() => fake.polling, 120_000))) throw new Error("the bot did not start");
    const pid = botPid(npm.pid!);
    if (pid === undefined) throw new Error("the bot's process was not found");
    let answered = 0;
    let user = 900_000;
    const replyMs: number[] = [];
    for (const q of queries) {
      const from = { ...READER, id: ++user };
      const t0 = performance.now();
      fake.pushUpdate(privateMessage(`/search ${q}`, { from }));
      if (await until(() => fake.messages(from.id).length > 0, 20_000)) {
        answered++;
        replyMs.push(performance.now() - t0);
      }
    }
    for (const q of partial) {
      const from = { ...READER, id: ++user };
      const before = fake.callsTo("answerInlineQuery").length;
      fake.pushUpdate(inlineQuery(q, { from }));
      if (await until(() => fake.callsTo("answerInlineQuery").length > before, 20_000)) answered++;
    }
    return {
      peakMb: statusKb(pid, "VmHWM") / 1024,
      endMb: statusKb(pid, "VmRSS") / 1024,
      answered,
      asked: queries.length + partial.length,
      replyMs,
    };
  } finally {
    if (npm?.pid) {
      try {
        process.kill(-npm.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    await fake.close();
  }
}
