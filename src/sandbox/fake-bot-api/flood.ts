import { type ApiError, tooManyRequests } from "./api-error.js";

export interface FloodLimits {
  perChatPerMinute: number;
  globalPerSecond: number;
  retryAfterSeconds: number | undefined;
}

/**
 * Telegram's broadcast limits over sliding windows of successful sends: at most
 * `perChatPerMinute` to one channel or group within 60 s and `globalPerSecond` across all
 * chats within 1 s. Private chats have no limit of their own here (Telegram tolerates bursts).
 */
export class FloodControl {
  private perChat = new Map<number, number[]>();
  private global: number[] = [];

  constructor(private readonly limits: FloodLimits) {}

  /** The 429 a send to `chatKey` (undefined: a private chat) would get now, if any. */
  check(chatKey: number | undefined, now: number): ApiError | undefined {
    this.global = this.global.filter((t) => t > now - 1000);
    if (chatKey !== undefined) {
      const times = (this.perChat.get(chatKey) ?? []).filter((t) => t > now - 60_000);
      this.perChat.set(chatKey, times);
      if (times.length >= this.limits.perChatPerMinute) {
        return tooManyRequests(this.retryAfter(times[0]! + 60_000 - now));
      }
    }
    if (this.global.length >= this.limits.globalPerSecond) {
      return tooManyRequests(this.retryAfter(this.global[0]! + 1000 - now));
    }
    return undefined;
  }

  record(chatKey: number | undefined, now: number): void {
    this.global.push(now);
    if (chatKey !== undefined)
      this.perChat.set(chatKey, [...(this.perChat.get(chatKey) ?? []), now]);
  }

  private retryAfter(msUntilFree: number): number {
    return this.limits.retryAfterSeconds ?? Math.max(1, Math.ceil(msUntilFree / 1000));
  }

  clear(): void {
    this.perChat.clear();
    this.global = [];
  }
}
