import type { Db } from "./connection.js";

/** The bot process holding the archive (the single row of `instance_lease`). */
export interface LeaseRow {
  readonly pid: number;
  readonly hostname: string;
  readonly holder: string;
  readonly startedAt: number;
  readonly renewedAt: number;
}

/** SQL of the instance lease; the rules live in src/runtime/instance-lease.ts. */
export function createLeaseRepository(db: Db) {
  const select = db.prepare<[], LeaseRow>(
    `SELECT pid, hostname, holder, started_at AS startedAt, renewed_at AS renewedAt
     FROM instance_lease WHERE id = 1`,
  );
  const upsert = db.prepare<[number, string, string, number, number]>(
    `INSERT INTO instance_lease (id, pid, hostname, holder, started_at, renewed_at)
     VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET pid = excluded.pid, hostname = excluded.hostname,
       holder = excluded.holder, started_at = excluded.started_at, renewed_at = excluded.renewed_at`,
  );
  const renew = db.prepare<[number, string]>(
    "UPDATE instance_lease SET renewed_at = ? WHERE id = 1 AND holder = ?",
  );
  const remove = db.prepare<[string]>("DELETE FROM instance_lease WHERE id = 1 AND holder = ?");
  const clear = db.prepare("DELETE FROM instance_lease");

  return {
    current: (): LeaseRow | undefined => select.get(),
    write: (row: LeaseRow): void => {
      upsert.run(row.pid, row.hostname, row.holder, row.startedAt, row.renewedAt);
    },
    /** False when another process has taken the lease meanwhile. */
    renew: (holder: string, at: number): boolean => renew.run(at, holder).changes > 0,
    release: (holder: string): void => {
      remove.run(holder);
    },
    /** Drops any lease (a backup copy must not look held by the live bot). */
    clear: (): void => {
      clear.run();
    },
    /** Runs fn in a write (IMMEDIATE) transaction, so two starts never both take the lease. */
    exclusively: <T>(fn: () => T): T => db.transaction(fn).immediate(),
  };
}

export type LeaseRepository = ReturnType<typeof createLeaseRepository>;
