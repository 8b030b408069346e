import { randomUUID } from "node:crypto";
import { hostname as osHostname } from "node:os";
import type { LeaseRepository, LeaseRow } from "../db/lease-repository.js";
import type { Logger } from "../logger.js";

/** Another live bot process holds the archive. */
export class LeaseHeldError extends Error {
  constructor(readonly holder: LeaseRow) {
    super(`another bot (pid ${holder.pid} on ${holder.hostname}) holds this database`);
    this.name = "LeaseHeldError";
  }
}

export interface InstanceLeaseOptions {
  readonly repo: LeaseRepository;
  readonly logger: Logger;
  /** How often the lease is renewed. Default 10 s. */
  readonly renewEveryMs?: number;
  /** A lease not renewed for this long belongs to a dead or frozen process. Default 45 s. */
  readonly staleAfterMs?: number;
  /** Called when another process took the lease from under this one (it was frozen too long). */
  readonly onLost?: () => void;
  readonly pid?: number;
  readonly hostname?: string;
  readonly now?: () => number;
  readonly isAlive?: (pid: number) => boolean;
}

export interface InstanceLease {
  readonly holder: string;
  /** Gives the lease up (at shutdown) and stops renewing it. */
  release(): void;
}

/** Whether a process with this pid exists on this machine (EPERM: it does, but is not ours). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the archive's instance lease for this process, or throws LeaseHeldError when another
 * live bot holds it. A lease is stale, and taken over, when it was not renewed within
 * staleAfterMs or its process is gone from this host; the pid of this very process (pid 1 in
 * every container) never counts as another bot.
 */
export function acquireInstanceLease(options: InstanceLeaseOptions): InstanceLease {
  const { repo, logger } = options;
  const now = options.now ?? Date.now;
  const pid = options.pid ?? process.pid;
  const hostname = options.hostname ?? osHostname();
  const isAlive = options.isAlive ?? processIsAlive;
  const staleAfter = options.staleAfterMs ?? 45_000;
  const holder = randomUUID();

  const isLive = (row: LeaseRow, at: number): boolean => {
    if (at - row.renewedAt >= staleAfter) return false;
    if (row.hostname !== hostname) return true;
    return row.pid !== pid && isAlive(row.pid);
  };

  const previous = repo.exclusively(() => {
    const at = now();
    const row = repo.current();
    if (row && isLive(row, at)) throw new LeaseHeldError(row);
    repo.write({ pid, hostname, holder, startedAt: at, renewedAt: at });
    return row;
  });
  if (previous) {
    logger.warn(
      { pid: previous.pid, host: previous.hostname, renewedAt: new Date(previous.renewedAt) },
      "took over the lease of a bot process that is no longer running",
    );
  }

  let released = false;
  const timer = setInterval(() => {
    if (released) return;
    try {
      if (repo.renew(holder, now())) return;
      logger.error("another process took over this database's lease: stopping");
    } catch (error) {
      // A busy database now and then is fine: the lease stays fresh for several periods.
      logger.warn({ err: error }, "could not renew the instance lease");
      return;
    }
    released = true;
    clearInterval(timer);
    options.onLost?.();
  }, options.renewEveryMs ?? 10_000);
  timer.unref();

  return {
    holder,
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      repo.release(holder);
    },
  };
}
