import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Db, openDatabase } from "../../src/db/connection.js";
import { createLeaseRepository } from "../../src/db/lease-repository.js";
import { migrate } from "../../src/db/migrate.js";
import { silentLogger } from "../../src/logger.js";
import {
  acquireInstanceLease,
  LeaseHeldError,
  processIsAlive,
} from "../../src/runtime/instance-lease.js";
import { recordingLogger } from "../support/recording-logger.js";

/** Two connections to one file, as two bot processes would have. */
const opened: Db[] = [];
function archive(): { path: string; open(): Db } {
  const path = join(mkdtempSync(join(tmpdir(), "newsroom-lease-")), "news.db");
  const open = () => {
    const db = openDatabase(path);
    migrate(db);
    opened.push(db);
    return db;
  };
  return { path, open };
}
afterEach(() => {
  vi.useRealTimers();
  for (const db of opened.splice(0)) db.close();
});

describe("the instance lease", () => {
  it("refuses a second process while the first is alive and renewing", () => {
    const a = archive();
    const first = acquireInstanceLease({
      repo: createLeaseRepository(a.open()),
      logger: silentLogger(),
      pid: process.pid,
      hostname: "newsroom-1",
    });
    let refusal: unknown;
    try {
      acquireInstanceLease({
        repo: createLeaseRepository(a.open()),
        logger: silentLogger(),
        pid: process.pid + 1,
        hostname: "newsroom-1",
        isAlive: () => true,
      });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(LeaseHeldError);
    expect((refusal as LeaseHeldError).holder).toMatchObject({
      pid: process.pid,
      hostname: "newsroom-1",
    });
    first.release();
  });

  it("is taken over from a process that died (its pid is gone), with a warning", () => {
    const a = archive();
    acquireInstanceLease({
      repo: createLeaseRepository(a.open()),
      logger: silentLogger(),
      pid: 999_999,
      hostname: "newsroom-1",
    });
    const { logger, lines } = recordingLogger();
    const second = acquireInstanceLease({
      repo: createLeaseRepository(a.open()),
      logger,
      hostname: "newsroom-1",
      isAlive: (pid) => pid !== 999_999,
    });
    expect(createLeaseRepository(a.open()).current()?.holder).toBe(second.holder);
    expect(lines.map((l) => l.msg)).toEqual([
      "took over the lease of a bot process that is no longer running",
    ]);
  });

  it("is taken over when its holder on another machine stopped renewing it", () => {
    const a = archive();
    let now = 1_000_000;
    acquireInstanceLease({
      repo: createLeaseRepository(a.open()),
      logger: silentLogger(),
      hostname: "other-host",
      now: () => now,
    });
    const attempt = () =>
      acquireInstanceLease({
        repo: createLeaseRepository(a.open()),
        logger: silentLogger(),
        hostname: "this-host",
        now: () => now,
      });
    // Another machine: its pid means nothing here, so only the renewal time counts.
    now += 30_000;
    expect(attempt).toThrow(LeaseHeldError);
    now += 20_000;
    expect(attempt().holder).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never counts this very process as another bot (pid 1 in every container)", () => {
    const a = archive();
    acquireInstanceLease({
      repo: createLeaseRepository(a.open()),
      logger: silentLogger(),
      pid: 1,
      hostname: "container",
    });
    const restarted = acquireInstanceLease({
      repo: createLeaseRepository(a.open()),
      logger: silentLogger(),
      pid: 1,
      hostname: "container",
      isAlive: () => true,
    });
    expect(createLeaseRepository(a.open()).current()?.holder).toBe(restarted.holder);
  });

  it("is free again once released, and a lost lease stops its old holder", () => {
    // The renewal timer is faked: the old holder finds its lease gone at its next renewal.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const a = archive();
    let lost = false;
    let now = 0;
    const first = acquireInstanceLease({
      repo: createLeaseRepository(a.open()),
      logger: silentLogger(),
      hostname: "h",
      renewEveryMs: 20,
      now: () => now,
      onLost: () => {
        lost = true;
      },
    });
    // The first process froze for a minute: a new one takes the archive over.
    now = 60_000;
    acquireInstanceLease({
      repo: createLeaseRepository(a.open()),
      logger: silentLogger(),
      hostname: "h2",
      now: () => now,
    });
    expect(lost).toBe(false);
    vi.advanceTimersByTime(20);
    expect(lost).toBe(true);
    first.release();
    const repo = createLeaseRepository(a.open());
    expect(repo.current()?.hostname).toBe("h2");
  });

  it("tells live processes from dead ones", () => {
    expect(processIsAlive(process.pid)).toBe(true);
    expect(processIsAlive(2 ** 22 + 12345)).toBe(false);
  });
});
