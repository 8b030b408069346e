import type { Context, Middleware } from "grammy";

/**
 * Counts updates being handled, so a shutdown can wait for them: a webhook answers Telegram
 * before a slow update is done, and the database must stay open until it is.
 */
export function createInFlightUpdates() {
  const running = new Set<Promise<void>>();
  return {
    /** Install first: wraps the handling of every update. */
    middleware: (async (_ctx, next) => {
      const task = next();
      running.add(task);
      try {
        await task;
      } finally {
        running.delete(task);
      }
    }) satisfies Middleware<Context>,
    /** Resolves when the updates being handled now are done, or after `timeoutMs`. */
    async idle(timeoutMs: number): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (running.size > 0 && Date.now() < deadline) {
        const left = deadline - Date.now();
        await Promise.race([
          Promise.allSettled([...running]),
          new Promise((resolve) => setTimeout(resolve, left).unref()),
        ]);
      }
    },
  };
}
