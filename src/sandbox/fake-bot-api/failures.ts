import type { FakeFailure } from "./types.js";

/** Failures planned with failNext, per method (case-insensitive, as Telegram's method names are). */
export class FailurePlan {
  private planned = new Map<string, Array<{ failure: FakeFailure; left: number }>>();

  add(method: string, failure: FakeFailure, times: number): void {
    const key = method.toLowerCase();
    this.planned.set(key, [...(this.planned.get(key) ?? []), { failure, left: times }]);
  }

  /** The failure for this call of `method`, if one is planned. */
  take(method: string): FakeFailure | undefined {
    const queue = this.planned.get(method.toLowerCase());
    const next = queue?.[0];
    if (!next) return undefined;
    next.left--;
    if (next.left <= 0) queue!.shift();
    return next.failure;
  }

  clear(): void {
    this.planned.clear();
  }
}
