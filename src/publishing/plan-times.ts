// Why croner stays beside node-cron (issue 18, part 5): node-cron 4.6.0 only lists runs from the
// real clock (`getNextRuns` starts at `new Date()`, `getNextRun` is null until a task is started)
// and does not export its next-match walker, while planned times start from any `now`. Its one
// public question about an arbitrary instant is `task.match(date)`; stepping a year with it takes
// seconds. So croner proposes the runs and node-cron's `match` keeps only those node-cron accepts.
// tests/scheduler/schedule-agreement.test.ts compares both over 2027 in two zones, DST included.
import { Cron } from "croner";
import cron from "node-cron";

/** Next fire time strictly after `after` (Unix ms), or null when the schedule never fires again. */
export type NextRun = (after: number) => number | null;

/** Croner runs node-cron refuses in a row before giving up (a DST gap costs one). */
const MAX_REFUSED = 1000;

/**
 * Fire times of a node-cron expression (5 or 6 fields) in an IANA zone. croner computes them
 * from any start time; day-of-month and day-of-week are combined with AND, as node-cron does.
 * A time croner proposes that node-cron's own matcher refuses is skipped: croner moves a time
 * that a spring-forward gap removes (02:30) to the gap's end (03:00), node-cron skips that day.
 * Left as a known difference: in the repeated hour of a fall-back night node-cron fires each
 * wall-clock time once (the later pass in Berlin, the earlier in New York), croner on both passes
 * when the hour field is a range and on the first pass for a fixed hour.
 */
export function cronNextRun(expression: string, timezone: string): NextRun {
  const proposer = new Cron(expression, { timezone, domAndDow: true, paused: true });
  // A created task is stopped: it holds no timer; it is here only for its matcher.
  const judge = cron.createTask(expression, () => {}, { timezone, name: "plan-times matcher" });
  return (after) => {
    let cursor = new Date(after);
    for (let refused = 0; refused < MAX_REFUSED; refused++) {
      const run = proposer.nextRun(cursor);
      if (run === null) return null;
      if (judge.match(run)) return run.getTime();
      cursor = run;
    }
    return null;
  };
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
