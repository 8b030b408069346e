import { describe, expect, it } from "vitest";
import type { PollResult } from "../../src/feeds/feed-service.js";
import { startFeedJob } from "../../src/scheduler/feed-job.js";
import { recordingLogger } from "../support/recording-logger.js";

describe("the feed polling job", () => {
  it("polls on demand and logs what it found", async () => {
    const { logger, lines } = recordingLogger();
    const results: PollResult[] = [
      { feedId: 1, status: "ok", found: 3, created: 2, queued: 2, updated: 0, refused: [] },
    ];
    const job = startFeedJob({
      schedule: "0 0 1 1 *",
      timezone: "UTC",
      feeds: { pollDue: async () => results },
      logger,
    });
    await expect(job.runNow()).resolves.toEqual(results);
    await job.stop();
    expect(lines.map((l) => l.msg)).toContain("feed poll finished");
  });

  it("logs a poll that throws instead of crashing, and keeps going", async () => {
    const { logger, lines } = recordingLogger();
    let calls = 0;
    const job = startFeedJob({
      schedule: "0 0 1 1 *",
      timezone: "Europe/Moscow",
      feeds: {
        pollDue: async () => {
          calls++;
          throw new Error("database is locked");
        },
      },
      logger,
    });
    await expect(job.runNow()).resolves.toEqual([]);
    await expect(job.runNow()).resolves.toEqual([]);
    await job.stop();
    expect(calls).toBe(2);
    expect(lines.filter((l) => l.msg === "feed poll failed" && l.level === 50)).toHaveLength(2);
  });

  it("does nothing once stopped", async () => {
    const { logger } = recordingLogger();
    let calls = 0;
    const job = startFeedJob({
      schedule: "*/10 * * * *",
      timezone: "UTC",
      feeds: {
        pollDue: async () => {
          calls++;
          return [];
        },
      },
      logger,
    });
    await job.stop();
    await job.runNow();
    expect(calls).toBe(0);
  });
});
