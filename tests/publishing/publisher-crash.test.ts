import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it, vi } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";
import { type FakeBotApi, startFakeBotApi } from "../../src/sandbox/fake-bot-api.js";
import { CHANNEL, setupPublishing } from "./publishing-setup.js";

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, "publisher-child.ts");
const PROJECT = join(here, "..", "..");

let fake: FakeBotApi | undefined;
let dir: string | undefined;
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function startChild(dbPath: string, postsPerRun: number) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", CHILD, dbPath, fake!.apiRoot, String(postsPerRun)],
    {
      cwd: PROJECT,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, exited };
}

it("posts every queued item exactly once across a kill -9 during a send and a restart", async () => {
  fake = await startFakeBotApi();
  dir = mkdtempSync(join(tmpdir(), "publisher-crash-"));
  const dbPath = join(dir, "news.db");
  const setupDb = openDatabase(dbPath);
  migrate(setupDb);
  const s = setupPublishing({ db: setupDb });
  const titles = ["Story A", "Story B", "Story C", "Story D", "Story E"];
  for (const title of titles) s.queue.enqueue(s.addArticle(title));
  setupDb.close();

  // A first run posts two items and exits normally.
  const first = await startChild(dbPath, 2).exited;
  expect(first).toMatchObject({ code: 0 });

  // The next run's first send is held by "Telegram" until the process is killed.
  fake.failNext("sendMessage", "timeout");
  const second = startChild(dbPath, 10);
  await vi.waitFor(() => expect(fake!.callsTo("sendMessage")).toHaveLength(3), { timeout: 15_000 });
  second.child.kill("SIGKILL");
  expect(await second.exited).toMatchObject({ signal: "SIGKILL" });

  const check = openDatabase(dbPath);
  const states = () =>
    check.prepare("SELECT state FROM publish_queue ORDER BY position").pluck().all() as string[];
  expect(states()).toEqual(["posted", "posted", "sending", "queued", "queued"]);

  // The restart applies the in-flight rule (send it again) and posts the rest.
  const third = await startChild(dbPath, 10).exited;
  expect(third.code, third.stderr).toBe(0);
  expect(third.stdout).toContain('"recovered":[3]');

  const posted = fake.messages(CHANNEL).map((m) => m.text.split("\n")[0]);
  expect(posted).toEqual(titles);
  expect(states()).toEqual(["posted", "posted", "posted", "posted", "posted"]);
  const notice = fake.messages().filter((m) => m.chatId === 111111);
  expect(notice).toHaveLength(1);
  expect(notice[0]!.text).toMatch(/stopped while posting «Story C»/);
  check.close();
});
