import { describe, expect, it } from "vitest";
import { startFeedJob } from "../../src/scheduler/feed-job.js";
import { startPublishJob } from "../../src/scheduler/publish-job.js";
import { recordingLogger } from "../support/recording-logger.js";

/** A service call that fails before it returns a promise, e.g. SQLite busy on the first query. */
function throwsAtOnce(): never {
  throw new Error("database is locked");
}

const NEVER = "0 0 1 1 *";

describe("scheduled jobs whose service throws synchronously", () => {
  it("the feed job logs the failure and answers with no results", async () => {
    const { logger, lines } = recordingLogger();
    const job = startFeedJob({
      schedule: NEVER,
      timezone: "UTC",
      feeds: { pollDue: throwsAtOnce },
      logger,
    });
    await expect(job.runNow()).resolves.toEqual([]);
    await job.stop();
    expect(lines.filter((l) => l.msg === "feed poll failed" && l.level === 50)).toHaveLength(1);
  });

  it("the publish job logs the failure, answers with no outcomes and runs again later", async () => {
    const { logger, lines } = recordingLogger();
    let calls = 0;
    const job = startPublishJob({
      schedule: NEVER,
      timezone: "UTC",
      postsPerRun: 1,
      publisher: {
        publishDue: () => {
          calls++;
          return throwsAtOnce();
        },
      },
      logger,
    });
    await expect(job.runNow()).resolves.toEqual([]);
    await expect(job.runNow()).resolves.toEqual([]);
    await job.stop();
    expect(calls).toBe(2);
    expect(lines.filter((l) => l.msg === "publish run failed" && l.level === 50)).toHaveLength(2);
  });
});
