/**
 * Runs async jobs one at a time, in call order. The publisher sends one post at a time so
 * that pacing counts are exact and a queue item is never claimed by two deliveries.
 */
export function createSerial() {
  let tail: Promise<unknown> = Promise.resolve();
  let running = 0;
  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      running++;
      const result = tail.then(job).finally(() => {
        running--;
      });
      tail = result.catch(() => undefined);
      return result;
    },
    /** Resolves when every job queued so far has finished. */
    idle: (): Promise<void> => tail.then(() => undefined),
    get busy(): boolean {
      return running > 0;
    },
  };
}
