import type { Update } from "grammy/types";
import { ApiError } from "./api-error.js";

export interface TakeOptions {
  offset?: number;
  limit: number;
  timeoutSeconds: number;
  allowedUpdates?: string[];
}

interface Waiter {
  wake: (conflict?: ApiError) => void;
}

const conflict = () =>
  new ApiError(
    409,
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
  );

/**
 * Updates waiting for getUpdates. `offset` confirms (drops) earlier updates, as Telegram does;
 * a long poll waits in real time (not the fake's clock) until an update arrives, its timeout
 * passes, the client goes away, or a newer getUpdates takes over (the older one gets 409).
 */
export class UpdateQueue {
  private pending: Update[] = [];
  private waiter: Waiter | undefined;
  private waiting = new Set<Waiter>();

  push(update: Update): void {
    this.pending.push(update);
    this.waiter?.wake();
  }

  /** Whether a long poll is waiting for an update right now. */
  get polling(): boolean {
    return this.waiter !== undefined;
  }

  get size(): number {
    return this.pending.length;
  }

  dropPending(): void {
    this.pending = [];
  }

  async take(options: TakeOptions, signal: AbortSignal): Promise<Update[]> {
    this.waiter?.wake(conflict());
    this.confirm(options.offset);
    const ready = this.available(options);
    if (ready.length > 0 || options.timeoutSeconds <= 0) return ready;
    const outcome = await new Promise<ApiError | undefined>((resolve) => {
      const waiter: Waiter = {
        wake: (error) => {
          clearTimeout(timer);
          signal.removeEventListener("abort", onAbort);
          this.waiting.delete(waiter);
          if (this.waiter === waiter) this.waiter = undefined;
          resolve(error);
        },
      };
      const onAbort = () => waiter.wake();
      const timer = setTimeout(() => waiter.wake(), options.timeoutSeconds * 1000);
      signal.addEventListener("abort", onAbort);
      this.waiter = waiter;
      this.waiting.add(waiter);
    });
    if (outcome) throw outcome;
    return this.available(options);
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset < 0) this.pending = this.pending.slice(offset);
    else this.pending = this.pending.filter((u) => u.update_id >= offset);
  }

  private available(options: TakeOptions): Update[] {
    const allowed = options.allowedUpdates;
    if (allowed && allowed.length > 0) {
      this.pending = this.pending.filter((u) =>
        Object.keys(u).some((k) => k !== "update_id" && allowed.includes(k)),
      );
    }
    return this.pending.slice(0, options.limit);
  }

  /** Ends every long poll with an empty answer (used on close). */
  wakeAll(): void {
    for (const w of [...this.waiting]) w.wake();
  }

  clear(): void {
    this.pending = [];
  }
}
