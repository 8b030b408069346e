import cron from "node-cron";
import { describe, expect, it } from "vitest";
import { cronNextRun } from "../../src/publishing/plan-times.js";

describe("next fire times of POST_SCHEDULE", () => {
  const cases: Array<[string, string]> = [
    ["*/30 * * * *", "UTC"],
    ["0 9,18 * * *", "Europe/Moscow"],
    ["15 */2 * * 1-5", "America/New_York"],
    ["0 0 13 * 5", "Europe/Berlin"],
    ["*/20 * * * * *", "Asia/Kolkata"],
  ];

  it.each(cases)("agree with node-cron's own schedule for %s in %s", async (expression, zone) => {
    const task = cron.createTask(expression, () => {}, { timezone: zone });
    const fromNodeCron = task.getNextRuns(12).map((d) => d.getTime());
    await task.destroy();
    const next = cronNextRun(expression, zone);
    // node-cron starts from the real clock; start a hair before its first run.
    const ours: number[] = [];
    let cursor = fromNodeCron[0]! - 1;
    for (let i = 0; i < 12; i++) {
      cursor = next(cursor)!;
      ours.push(cursor);
    }
    expect(ours).toEqual(fromNodeCron);
  });
});
