import type { FakeFailure } from "./types.js";

interface Planned {
  failure: FakeFailure;
  left: number;
  /** Only calls to this chat_id fail; any call when undefined. */
  chatId?: string;
}

/** Failures planned with failNext, per method (case-insensitive, as Telegram's method names are). */
export class FailurePlan {
  private planned = new Map<string, Planned[]>();

  add(method: string, failure: FakeFailure, times: number, chatId?: number | string): void {
    const key = method.toLowerCase();
    const entry: Planned = {
      failure,
      left: times,
      ...(chatId !== undefined ? { chatId: String(chatId) } : {}),
    };
    this.planned.set(key, [...(this.planned.get(key) ?? []), entry]);
  }

  /** The failure for this call of `method` (to `chatId`), if one is planned. */
  take(method: string, chatId?: unknown): FakeFailure | undefined {
    const queue = this.planned.get(method.toLowerCase());
    const index =
      queue?.findIndex((p) => p.chatId === undefined || p.chatId === String(chatId)) ?? -1;
    const next = index >= 0 ? queue![index] : undefined;
    if (!next) return undefined;
    next.left--;
    if (next.left <= 0) queue!.splice(index, 1);
    return next.failure;
  }

  clear(): void {
    this.planned.clear();
  }
}
