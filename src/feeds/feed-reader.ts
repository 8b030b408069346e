import { Worker } from "node:worker_threads";
import { type FeedErrorData, FeedParseError, feedErrorFromData } from "./feed-errors.js";
import type { ReadRequest } from "./feed-reader-worker.js";
import type { FeedArticles } from "./feed-to-articles.js";
import type { ReadFeedOptions } from "./read-feed.js";

/** Reads one feed's bytes into articles; may run anywhere (a worker thread in production). */
export type FeedReader = (bytes: Uint8Array, options: ReadFeedOptions) => Promise<FeedArticles>;

/** The longest one feed may take to read; beyond it the feed is refused and backed off. */
export const DEFAULT_READ_BUDGET_MS = 10_000;

const WORKER_URL = new URL("./feed-reader-worker", import.meta.url);

/**
 * Starts the worker. From TypeScript sources (npm start, tests) the worker registers tsx
 * itself, as a worker thread does not inherit the loader of the thread that starts it.
 */
function spawn(): Worker {
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const url = `${WORKER_URL.href}${ext}`;
  if (ext === ".js") return new Worker(new URL(url));
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(boot, { eval: true });
}

interface Pending {
  readonly resolve: (articles: FeedArticles) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Reads feeds in one worker thread, one at a time, with a time budget per feed: a feed that
 * takes longer (a hostile or broken document) is refused with the reason and its worker is
 * stopped and replaced, so the bot's thread is never held by a feed.
 */
export function createWorkerFeedReader(budgetMs = DEFAULT_READ_BUDGET_MS) {
  let worker: { thread: Worker; ready: Promise<void> } | undefined;
  let nextId = 0;
  let line: Promise<unknown> = Promise.resolve();
  const pending = new Map<number, Pending>();

  function current(): { thread: Worker; ready: Promise<void> } {
    if (worker) return worker;
    const started = spawn();
    let onReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => {
      onReady = resolve;
    });
    started.on(
      "message",
      (m: { id: number; ready?: true; result?: FeedArticles; error?: FeedErrorData }) => {
        if (m.ready) return onReady();
        const task = pending.get(m.id);
        pending.delete(m.id);
        if (m.error) task?.reject(feedErrorFromData(m.error));
        else task?.resolve(m.result!);
      },
    );
    started.on("error", (error) => {
      for (const task of pending.values()) task.reject(error);
      pending.clear();
      if (worker?.thread === started) worker = undefined;
    });
    started.unref();
    worker = { thread: started, ready };
    return worker;
  }

  async function readOne(bytes: Uint8Array, options: ReadFeedOptions): Promise<FeedArticles> {
    const id = ++nextId;
    const { thread: w, ready } = current();
    w.ref(); // a read in progress keeps the process alive (the CLI waits for it)
    await ready;
    return new Promise<FeedArticles>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        worker = undefined;
        void w.terminate();
        reject(
          new FeedParseError(
            `reading the feed took longer than ${budgetMs / 1000} s (too large or too complex); it was stopped`,
            { problem: { code: "read-too-long", seconds: budgetMs / 1000 } },
          ),
        );
      }, budgetMs);
      const settle = () => {
        clearTimeout(timer);
        w.unref();
      };
      pending.set(id, {
        resolve: (articles) => {
          settle();
          resolve(articles);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      w.postMessage({ id, bytes, options } satisfies ReadRequest);
    });
  }

  const read: FeedReader = (bytes, options) => {
    const result = line.then(() => readOne(bytes, options));
    line = result.catch(() => undefined);
    return result;
  };

  return {
    read,
    /** Stops the worker (at shutdown). */
    async close(): Promise<void> {
      const w = worker;
      worker = undefined;
      await w?.thread.terminate();
    },
  };
}
