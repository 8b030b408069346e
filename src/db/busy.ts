/** SQLITE_BUSY and its variants (…_SNAPSHOT, …_RECOVERY, …_TIMEOUT): another connection writes. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

export interface BusyRetryOptions {
  /** Give up (rethrow the busy error) after this long. */
  readonly maxWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called before each pause, e.g. to log that the database is busy. */
  readonly onBusy?: (attempt: number, error: unknown) => void;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a short synchronous database step, and when another connection holds the write lock,
 * tries it again after a pause instead of blocking the thread: the wait is asynchronous, so the
 * bot answers readers meanwhile. Other errors are rethrown at once.
 */
export async function retryWhileBusy<T>(step: () => T, options: BusyRetryOptions = {}): Promise<T> {
  const maxWait = options.maxWaitMs ?? 60_000;
  const sleep = options.sleep ?? pause;
  let waited = 0;
  let delay = 25;
  for (let attempt = 1; ; attempt++) {
    try {
      return step();
    } catch (error) {
      if (!isBusyError(error) || waited >= maxWait) throw error;
      options.onBusy?.(attempt, error);
      await sleep(delay);
      waited += delay;
      delay = Math.min(delay * 2, 1000);
    }
  }
}
