import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { createHealthRepository } from "../../src/db/health-repository.js";
import { checkReadiness } from "../../src/runtime/readiness.js";
import { createTelegramStatus } from "../../src/runtime/telegram-status.js";
import { recordingLogger } from "../support/recording-logger.js";
import { createTestDb } from "../support/test-db.js";

// biome-ignore lint/suspicious/noExplicitAny: a stand-in for grammY's raw call
type Prev = any;
const ok: Prev = async () => ({ ok: true, result: [] });
const down: Prev = async () => {
  throw new HttpError("Network request for 'getUpdates' failed!", new Error("ECONNREFUSED"));
};

describe("Telegram's reachability", () => {
  it("warns once after a minute of network failures, and once when Telegram answers again", async () => {
    let now = 1_000_000;
    const { logger, lines } = recordingLogger();
    const status = createTelegramStatus({ logger, now: () => now });
    const call = (prev: Prev) => status.transformer(prev, "getUpdates", {}, undefined);

    await call(ok);
    expect(status.snapshot()).toMatchObject({ reachable: true, lastGetUpdatesAt: now });
    for (let i = 0; i < 10; i++) {
      await expect(call(down)).rejects.toThrow(HttpError);
      now += 10_000;
    }
    expect(status.snapshot()).toMatchObject({ reachable: false, unreachableSince: 1_000_000 });
    await expect(call(down)).rejects.toThrow(HttpError);
    expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      "Telegram has been unreachable for over a minute; retrying",
    ]);
    await call(ok);
    expect(status.snapshot()).toMatchObject({ reachable: true, unreachableSince: null });
    expect(lines.at(-1)!.msg).toBe("Telegram is reachable again");
  });

  it("makes /readyz answer 503 with the reason, and with the publishing state", async () => {
    let now = 5_000_000;
    const { logger } = recordingLogger();
    const status = createTelegramStatus({ logger, now: () => now });
    await expect(status.transformer(down, "getMe", {}, undefined)).rejects.toThrow();
    now += 61_000;
    const db = createTestDb();
    const report = checkReadiness({
      mode: "webhook",
      health: createHealthRepository(db),
      telegram: () => status.snapshot(),
      paused: () => ({ at: 4_000_000, by: "editor", reason: null }),
      feeds: () => [],
      webhookSet: () => true,
      now: () => now,
    });
    expect(report).toMatchObject({
      ready: false,
      problems: ["Telegram has been unreachable for over a minute"],
      telegram: { reachable: false, unreachableSince: new Date(5_000_000).toISOString() },
      publishing: { paused: true, by: "editor" },
      queueLength: 0,
    });
    db.close();
    const closed = checkReadiness({
      mode: "polling",
      health: createHealthRepository(createTestDb()),
      telegram: () => status.snapshot(),
      paused: () => undefined,
      feeds: () => [],
      webhookSet: () => false,
      now: () => now,
    });
    expect(closed.problems).toContain("no recent getUpdates");
  });
});
