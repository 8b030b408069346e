import type { Db } from "./connection.js";

/** Small read-only queries for /readyz and /metrics. */
export function createHealthRepository(db: Db) {
  const ping = db.prepare("SELECT 1").pluck();
  const queued = db.prepare("SELECT COUNT(*) FROM publish_queue WHERE state = 'queued'").pluck();
  const lastPosted = db
    .prepare("SELECT MAX(posted_at) FROM publish_queue WHERE state = 'posted'")
    .pluck();
  const pageCount = db.prepare("PRAGMA page_count").pluck();
  const pageSize = db.prepare("PRAGMA page_size").pluck();

  return {
    /** True when the database answers a query. */
    ping: (): boolean => ping.get() === 1,
    queueLength: (): number => queued.get() as number,
    /** When the last channel post went out (Unix ms), or null. */
    lastPostedAt: (): number | null => (lastPosted.get() as number | null) ?? null,
    /** The database's size in bytes (pages in use, WAL not counted). */
    archiveBytes: (): number => (pageCount.get() as number) * (pageSize.get() as number),
  };
}

export type HealthRepository = ReturnType<typeof createHealthRepository>;
