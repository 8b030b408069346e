import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

const require = createRequire(import.meta.url);

/**
 * Another connection to a database file that takes SQLite's write lock (BEGIN IMMEDIATE) and
 * holds it, from a worker thread so that this thread stays free, like a second process would.
 * `cycle` repeats: hold for `holdMs`, commit one small write, pause `gapMs`, until stop().
 */
export interface WriteLock {
  /** Resolves once the lock is held for the first time. */
  readonly held: Promise<void>;
  /** How many times the lock was taken. */
  readonly times: () => number;
  stop(): Promise<void>;
}

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.path, { timeout: 10000 });
db.pragma("journal_mode = WAL");
let running = true;
parentPort.on("message", () => { running = false; });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  let times = 0;
  db.exec("CREATE TABLE IF NOT EXISTS lock_holder_ticks (at INTEGER)");
  do {
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT INTO lock_holder_ticks VALUES (?)").run(Date.now());
    parentPort.postMessage({ held: ++times });
    if (workerData.cycle) await sleep(workerData.holdMs);
    else while (running) await sleep(10);
    db.exec("COMMIT");
    if (!workerData.cycle) break;
    await sleep(workerData.gapMs);
  } while (running);
  db.close();
  parentPort.postMessage({ done: true });
})();
`;

/**
 * Holds the write lock of the database at `path`: once until stop() (default), or in cycles of
 * `holdMs` with `gapMs` pauses when `cycle` is set.
 */
export function holdWriteLock(
  path: string,
  options: { cycle?: boolean; holdMs?: number; gapMs?: number } = {},
): WriteLock {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      path,
      module: require.resolve("better-sqlite3"),
      cycle: options.cycle ?? false,
      holdMs: options.holdMs ?? 0,
      gapMs: options.gapMs ?? 20,
    },
  });
  let times = 0;
  let onHeld: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    onHeld = resolve;
  });
  const done = new Promise<void>((resolve, reject) => {
    worker.on("message", (m: { held?: number; done?: boolean }) => {
      if (m.held) {
        times = m.held;
        onHeld();
      }
      if (m.done) resolve();
    });
    worker.on("error", reject);
  });
  return {
    held,
    times: () => times,
    async stop() {
      worker.postMessage("stop");
      await done;
      await worker.terminate();
    },
  };
}
