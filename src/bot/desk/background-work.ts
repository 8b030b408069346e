import type { Logger } from "../../logger.js";

/**
 * Work an editor started that goes on after their update was answered (a delivery that may
 * wait out retries), so their chat is never held. Failures are logged; shutdown waits for
 * what is still running, so nothing started is cut off.
 */
export function createBackgroundWork(logger: Logger) {
  const running = new Set<Promise<void>>();
  return {
    /** Starts fn now without waiting for it. */
    run(label: string, fn: () => Promise<void>): void {
      const task = Promise.resolve()
        .then(fn)
        .catch((error: unknown) =>
          logger.error({ err: error, work: label }, "background work failed"),
        )
        .finally(() => running.delete(task));
      running.add(task);
    },
    /** Resolves when everything started so far has finished. */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    get size(): number {
      return running.size;
    },
  };
}

export type BackgroundWork = ReturnType<typeof createBackgroundWork>;
