import cron from "node-cron";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cronNextRun } from "../../src/publishing/plan-times.js";

/**
 * Planned times shown to editors (cronNextRun: croner, checked by node-cron's matcher) against
 * the runs node-cron's scheduler makes, over 2027 in two zones: Berlin changes clocks on 28 March
 * and 31 October, New York on 14 March and 7 November.
 *
 * node-cron's truth is its own next-match walker, the one its runner arms each timer with. It is
 * not exported; `task.getNextRuns()` reaches it from the clock, so the clock is faked (Date only).
 * A run of the real scheduler over the four clock-change nights shows the walker is what fires.
 */

const YEAR_START = Date.UTC(2027, 0, 1) - 14 * 3_600_000;
const YEAR_END = Date.UTC(2028, 0, 1) + 14 * 3_600_000;
const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const HOUR = 3_600_000;

const EXPRESSIONS = [
  "*/30 * * * *",
  "0 * * * *",
  "0 8 * * *",
  "30 2 * * *",
  "30 1 * * *",
  "0 */3 * * 1-5",
  "0 0 9 * * *",
  "15 */20 2 * * *",
];

/**
 * The only disagreements, all in the repeated hour of a fall-back night: times (UTC) that
 * editors are shown but node-cron does not run, and the other way round. node-cron fires each
 * wall-clock time once there, on the later pass in Berlin (CET) and the earlier in New York
 * (EDT); croner fires a ranged hour on both passes and a fixed hour on the first.
 * Spring-forward gaps agree: croner would move 02:30 to 03:00, the matcher refuses that time
 * and both go to the next day's 02:30.
 */
const KNOWN: Record<string, { shownNotRun: string[]; runNotShown: string[] }> = {
  [`${BERLIN} */30 * * * *`]: {
    shownNotRun: ["2027-10-31T00:00:00.000Z", "2027-10-31T00:30:00.000Z"],
    runNotShown: [],
  },
  [`${BERLIN} 0 * * * *`]: { shownNotRun: ["2027-10-31T00:00:00.000Z"], runNotShown: [] },
  [`${BERLIN} 30 2 * * *`]: {
    shownNotRun: ["2027-10-31T00:30:00.000Z"],
    runNotShown: ["2027-10-31T01:30:00.000Z"],
  },
  [`${BERLIN} 15 */20 2 * * *`]: {
    shownNotRun: [
      "2027-10-31T00:00:15.000Z",
      "2027-10-31T00:20:15.000Z",
      "2027-10-31T00:40:15.000Z",
    ],
    runNotShown: [],
  },
  [`${NEW_YORK} */30 * * * *`]: {
    shownNotRun: ["2027-11-07T06:00:00.000Z", "2027-11-07T06:30:00.000Z"],
    runNotShown: [],
  },
  [`${NEW_YORK} 0 * * * *`]: { shownNotRun: ["2027-11-07T06:00:00.000Z"], runNotShown: [] },
};

/**
 * Instants node-cron's matcher accepts but its scheduler never fires: the pass of a fall-back
 * night's repeated hour that its walker skips (the earlier, CEST, in Berlin; the later, EST, in
 * New York).
 */
const MATCHED_NOT_RUN: Record<string, string[]> = {
  [`${BERLIN} */30 * * * *`]: ["2027-10-31T00:00:00.000Z", "2027-10-31T00:30:00.000Z"],
  [`${BERLIN} 0 * * * *`]: ["2027-10-31T00:00:00.000Z"],
  [`${BERLIN} 30 2 * * *`]: ["2027-10-31T00:30:00.000Z"],
  [`${BERLIN} 15 */20 2 * * *`]: [
    "2027-10-31T00:00:15.000Z",
    "2027-10-31T00:20:15.000Z",
    "2027-10-31T00:40:15.000Z",
  ],
  [`${NEW_YORK} */30 * * * *`]: ["2027-11-07T06:00:00.000Z", "2027-11-07T06:30:00.000Z"],
  [`${NEW_YORK} 0 * * * *`]: ["2027-11-07T06:00:00.000Z"],
  [`${NEW_YORK} 30 1 * * *`]: ["2027-11-07T06:30:00.000Z"],
};

const CASES = [BERLIN, NEW_YORK].flatMap((zone) =>
  EXPRESSIONS.map((expression) => [zone, expression] as const),
);

/** Clock-change nights in UTC: the day before to the day after each change. */
const NIGHTS: Record<string, Array<[number, number]>> = {
  [BERLIN]: [
    [Date.UTC(2027, 2, 27), Date.UTC(2027, 2, 29)],
    [Date.UTC(2027, 9, 30), Date.UTC(2027, 10, 1)],
  ],
  [NEW_YORK]: [
    [Date.UTC(2027, 2, 13, 12), Date.UTC(2027, 2, 15, 12)],
    [Date.UTC(2027, 10, 6, 12), Date.UTC(2027, 10, 8, 12)],
  ],
};

afterEach(() => {
  vi.useRealTimers();
});

function shownRuns(expression: string, zone: string, from: number, to: number): number[] {
  const next = cronNextRun(expression, zone);
  const runs: number[] = [];
  for (let run = next(from); run !== null && run < to; run = next(run)) runs.push(run);
  return runs;
}

/** node-cron's own walker, from the faked clock forwards, batch by batch. */
async function nodeCronRuns(expression: string, zone: string, from: number, to: number) {
  const task = cron.createTask(expression, () => {}, { timezone: zone });
  vi.useFakeTimers({ toFake: ["Date"] });
  const runs: number[] = [];
  try {
    let cursor = from;
    while (cursor < to) {
      vi.setSystemTime(cursor);
      const batch = task.getNextRuns(500).map((d) => d.getTime());
      runs.push(...batch.filter((t) => t < to));
      cursor = batch.at(-1)!;
    }
  } finally {
    vi.useRealTimers();
    await task.destroy();
  }
  return runs;
}

const iso = (times: number[]) => times.map((t) => new Date(t).toISOString());
const without = (a: number[], b: number[]) => {
  const other = new Set(b);
  return a.filter((t) => !other.has(t));
};

describe("planned times and node-cron's runs over 2027 (DST in Berlin and New York)", () => {
  it.each(CASES)("%s %s: same runs, except the listed fall-back-hour ones", async (zone, expr) => {
    const shown = shownRuns(expr, zone, YEAR_START, YEAR_END);
    const run = await nodeCronRuns(expr, zone, YEAR_START, YEAR_END);
    expect(run.length).toBeGreaterThan(300);
    const known = KNOWN[`${zone} ${expr}`] ?? { shownNotRun: [], runNotShown: [] };
    expect({
      shownNotRun: iso(without(shown, run)),
      runNotShown: iso(without(run, shown)),
    }).toEqual(known);
  });

  it.each(CASES)(
    "%s %s: on clock-change nights node-cron's matcher accepts the runs and the repeated-hour pass it skips",
    async (zone, expr) => {
      const task = cron.createTask(expr, () => {}, { timezone: zone });
      const seconds = expr.split(" ").length === 6 ? [Number(expr.split(" ")[0])] : [0];
      const unrun: number[] = [];
      for (const [from, to] of NIGHTS[zone]!) {
        const matching: number[] = [];
        for (let minute = from; minute < to; minute += 60_000) {
          for (const s of seconds) {
            if (task.match(new Date(minute + s * 1000))) matching.push(minute + s * 1000);
          }
        }
        const run = await nodeCronRuns(expr, zone, from - 1, to);
        expect(iso(without(run, matching))).toEqual([]);
        unrun.push(...without(matching, run));
      }
      void task.destroy();
      expect(iso(unrun)).toEqual(MATCHED_NOT_RUN[`${zone} ${expr}`] ?? []);
    },
  );

  it.each([
    [BERLIN, "*/30 * * * *"],
    [BERLIN, "30 2 * * *"],
    [NEW_YORK, "*/30 * * * *"],
    [NEW_YORK, "30 2 * * *"],
  ] as const)("%s %s: the real scheduler fires what the walker says", async (zone, expr) => {
    for (const [from, to] of NIGHTS[zone]!) {
      const expected = await nodeCronRuns(expr, zone, from, to);
      vi.useFakeTimers();
      vi.setSystemTime(from);
      const fired: number[] = [];
      const task = cron.schedule(expr, () => void fired.push(Date.now()), { timezone: zone });
      await vi.advanceTimersByTimeAsync(to - from - 1);
      await task.destroy();
      vi.useRealTimers();
      expect(iso(fired)).toEqual(iso(expected));
      expect(fired.length).toBeGreaterThan(0);
    }
  });

  it("a spring-forward gap: planned on the next day, as node-cron runs it, not at 03:00", () => {
    const next = cronNextRun("30 2 * * *", BERLIN);
    // 27 March 2027, 02:30 CET; the next 02:30 in Berlin is 29 March (CEST).
    expect(new Date(next(Date.UTC(2027, 2, 27, 1, 30))!).toISOString()).toBe(
      "2027-03-29T00:30:00.000Z",
    );
    expect(next(Date.UTC(2027, 2, 28, 0, 0))! - Date.UTC(2027, 2, 28, 0, 0)).toBeGreaterThan(
      24 * HOUR,
    );
  });
});
