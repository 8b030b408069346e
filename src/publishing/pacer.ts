export interface PacerOptions {
  /** Posts allowed per window to one chat (Telegram: 20 a minute to a channel). */
  readonly limit?: number;
  /** Window length; a little over a minute leaves room for clock drift between us and Telegram. */
  readonly windowMs?: number;
  readonly now?: () => number;
  /** Waits `ms`; rejects when `signal` aborts. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Real-time sleep that an AbortSignal can cut short (rejecting with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Keeps posts to one chat under Telegram's limit by waiting before a send, so Telegram never
 * has to answer 429. A send is counted when it goes out (record: re-sends and lost answers
 * count too) and re-stamped when its answer arrives (answered), which is no earlier than
 * Telegram counted it: the window we measure always covers the one Telegram measures.
 * Callers send one at a time (the publisher serialises its deliveries).
 */
export function createPacer(options: PacerOptions = {}) {
  const limit = options.limit ?? 20;
  const windowMs = options.windowMs ?? 61_000;
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? sleep;
  const stamps = new Map<string, number[]>();

  const recent = (key: string): number[] => {
    const cutoff = now() - windowMs;
    const kept = (stamps.get(key) ?? []).filter((t) => t > cutoff);
    stamps.set(key, kept);
    return kept;
  };

  return {
    /** Resolves when one more post to `key` stays within the limit. */
    async ready(key: string, signal?: AbortSignal): Promise<void> {
      for (let sent = recent(key); sent.length >= limit; sent = recent(key)) {
        await wait(sent[sent.length - limit]! + windowMs - now() + 1, signal);
      }
    },
    /** Counts a send to `key` as it goes out (whether or not an answer ever comes). */
    record(key: string): void {
      recent(key).push(now());
    },
    /**
     * Moves the newest count of `key` to now, when its answer arrives: no earlier than Telegram
     * counted it, so our window always covers Telegram's (callers send one at a time).
     */
    answered(key: string): void {
      const sent = recent(key);
      if (sent.length > 0) sent[sent.length - 1] = now();
    },
    /** Counts posts made before a restart (their times from the database). */
    seed(key: string, times: readonly number[]): void {
      const cutoff = now() - windowMs;
      stamps.set(
        key,
        [...recent(key), ...times.filter((t) => t > cutoff)].sort((a, b) => a - b),
      );
    },
    /** Posts to `key` within the current window. */
    inWindow: (key: string): number => recent(key).length,
  };
}

export type Pacer = ReturnType<typeof createPacer>;
