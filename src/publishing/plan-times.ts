import { Cron } from "croner";

/** Next fire time strictly after `after` (Unix ms), or null when the schedule never fires again. */
export type NextRun = (after: number) => number | null;

/**
 * Fire times of a node-cron expression (5 or 6 fields) in an IANA zone. croner computes them
 * from any start time (node-cron 4 only lists runs from the real "now"); day-of-month and
 * day-of-week are combined with AND, as node-cron does.
 */
export function cronNextRun(expression: string, timezone: string): NextRun {
  const cron = new Cron(expression, { timezone, domAndDow: true, paused: true });
  return (after) => cron.nextRun(new Date(after))?.getTime() ?? null;
}

export interface PlanOptions {
  readonly nextRun: NextRun;
  readonly postsPerRun: number;
  readonly now: number;
}

/**
 * When each queued item (in queue order) is expected to be posted: each run takes up to
 * `postsPerRun` items whose not-before time has come, in order, exactly as the publisher does.
 * Returns a time per item; null when the schedule has no further run.
 */
export function planTimes(
  items: readonly { readonly notBefore: number | null }[],
  { nextRun, postsPerRun, now }: PlanOptions,
): Array<number | null> {
  const planned: Array<number | null> = items.map(() => null);
  let pending = items.map((_, index) => index);
  let cursor = now;
  // Each pass either places an item or jumps to the next not-before time: bounded by 3n passes.
  for (let pass = 0; pending.length > 0 && pass < 3 * items.length + 3; pass++) {
    const run = nextRun(cursor);
    if (run === null) break;
    const taken: number[] = [];
    for (const index of pending) {
      if (taken.length >= postsPerRun) break;
      const notBefore = items[index]!.notBefore;
      if (notBefore === null || notBefore <= run) taken.push(index);
    }
    if (taken.length === 0) {
      const earliest = Math.min(
        ...pending.map((i) => items[i]!.notBefore ?? Number.POSITIVE_INFINITY),
      );
      // Runs fall on whole seconds: look from just under a second before the not-before time.
      cursor = Math.max(run, earliest - 1000);
      continue;
    }
    for (const index of taken) planned[index] = run;
    pending = pending.filter((index) => !taken.includes(index));
    cursor = run;
  }
  return planned;
}
