/**
 * Telegram's sending limits (Bot FAQ): about 30 messages a second overall, 20 a minute to one
 * group or channel, about one a second to one private chat (short bursts tolerated).
 */
export interface SendLimits {
  /** Sends in flight plus sends answered within the last second, across all chats. */
  readonly globalPerSecond: number;
  /** Sends to one group or channel within `groupWindowMs`. */
  readonly groupPerWindow: number;
  readonly groupWindowMs: number;
  /** Sends to one private chat within `privateWindowMs` (a burst of this many, then ~1/s). */
  readonly privatePerWindow: number;
  readonly privateWindowMs: number;
}

export const TELEGRAM_LIMITS: SendLimits = {
  globalPerSecond: 30,
  groupPerWindow: 20,
  // A second over the minute leaves room for the clocks of this host and Telegram's to differ.
  groupWindowMs: 61_000,
  privatePerWindow: 3,
  privateWindowMs: 3_000,
};

/**
 * A sliding window of send times. A send is stamped when its answer arrives, which is no
 * earlier than Telegram counted it, so the window we measure always covers Telegram's.
 */
export class SendWindow {
  private stamps: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Sends within the window ending at `now`. */
  count(now: number): number {
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < this.stamps.length && this.stamps[drop]! <= cutoff) drop++;
    if (drop > 0) this.stamps.splice(0, drop);
    return this.stamps.length;
  }

  /** True when `extra` more sends (those in flight) plus one still fit at `now`. */
  allows(now: number, extra = 0): boolean {
    return this.count(now) + extra < this.limit;
  }

  /** When the oldest counted send leaves the window (the next chance of room). */
  freeAt(now: number): number {
    this.count(now);
    return this.stamps.length === 0 ? now : this.stamps[0]! + this.windowMs + 1;
  }

  record(at: number): void {
    this.stamps.push(at);
  }

  /** True when nothing is counted any more (the window can be forgotten). */
  empty(now: number): boolean {
    return this.count(now) === 0;
  }
}

/** A group or channel: a negative numeric id or an `@username` (private chats are positive). */
export function isGroupLike(chatId: string): boolean {
  return chatId.startsWith("@") || chatId.startsWith("-");
}
