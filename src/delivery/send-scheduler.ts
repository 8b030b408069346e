import { isGroupLike, type SendLimits, SendWindow, TELEGRAM_LIMITS } from "./send-budget.js";

/** Who a message is for, in the order they are served: channel posts first, notices last. */
export type SendPriority = "channel" | "editor" | "reader" | "notice";
const RANK: Record<SendPriority, number> = { channel: 0, editor: 1, reader: 2, notice: 3 };

/** What one try of a send came to. */
export type AttemptResult<T> =
  | { readonly kind: "done"; readonly value: T }
  | { readonly kind: "failed"; readonly error: unknown }
  /**
   * Try again after `afterMs`, still first in its chat's line. `wholeBudget`: the wait holds
   * every chat (Telegram's overall limit was hit), not just this one.
   */
  | { readonly kind: "retry"; readonly afterMs: number; readonly wholeBudget: boolean };

export interface SendRequest<T> {
  /** `chat_id` as a string: a private chat, a group (negative) or `@channel`. */
  readonly chatId: string;
  readonly priority: SendPriority;
  /** One try; called when the budget has room, never two of one chat at once. */
  readonly attempt: () => Promise<AttemptResult<T>>;
  /** Aborting it takes a send that has not started out of the line. */
  readonly signal?: AbortSignal | undefined;
}

interface Job {
  readonly seq: number;
  readonly rank: number;
  readonly enqueuedAt: number;
  readonly attempt: () => Promise<AttemptResult<unknown>>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  retries: number;
}

interface Lane {
  readonly jobs: Job[];
  readonly window: SendWindow;
  busy: boolean;
  blockedUntil: number;
}

export interface SchedulerStats {
  readonly waiting: number;
  readonly inFlight: number;
  readonly sent: number;
  /** Tries Telegram answered with 429 (the budget should keep this at 0). */
  readonly rateLimited: number;
  /** Longest time a send waited in line before its first try, in ms. */
  readonly longestWaitMs: number;
}

export interface SendSchedulerOptions {
  readonly limits?: SendLimits;
  readonly now?: () => number;
}

/**
 * The one line every message the bot sends waits in. It keeps Telegram's limits as a budget
 * (overall, per group or channel, per private chat), serves higher priorities first and, within
 * a priority, the oldest first, and keeps each chat in order: a chat has at most one send in
 * flight, and a send that must be retried stays first in its chat's line. A 429's wait is
 * applied to the budget (the chat, or every chat) rather than to the one request.
 */
export function createSendScheduler(options: SendSchedulerOptions = {}) {
  const limits = options.limits ?? TELEGRAM_LIMITS;
  const now = options.now ?? Date.now;
  const global = new SendWindow(limits.globalPerSecond, 1000);
  const lanes = new Map<string, Lane>();
  let inFlight = 0;
  let waiting = 0;
  let seq = 0;
  let globalBlockedUntil = 0;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;
  let lastSweep = 0;
  const stats = { sent: 0, rateLimited: 0, longestWaitMs: 0 };

  function laneFor(chatId: string): Lane {
    let lane = lanes.get(chatId);
    if (!lane) {
      const window = isGroupLike(chatId)
        ? new SendWindow(limits.groupPerWindow, limits.groupWindowMs)
        : new SendWindow(limits.privatePerWindow, limits.privateWindowMs);
      lane = { jobs: [], window, busy: false, blockedUntil: 0 };
      lanes.set(chatId, lane);
    }
    return lane;
  }

  function wakeAt(at: number): void {
    if (at >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timer = undefined;
        timerAt = Infinity;
        pump();
      },
      Math.max(0, at - now()),
    );
  }

  /** Forgets idle chats whose windows are empty, so memory follows the active chats only. */
  function sweep(at: number): void {
    if (at - lastSweep < 10_000) return;
    lastSweep = at;
    for (const [chatId, lane] of lanes) {
      if (!lane.busy && lane.jobs.length === 0 && lane.window.empty(at)) lanes.delete(chatId);
    }
  }

  /** The lane whose first send should go next, or the time to look again. */
  function pick(at: number): { lane?: Lane; retryAt: number } {
    let best: Lane | undefined;
    let retryAt = Infinity;
    for (const lane of lanes.values()) {
      const head = lane.jobs[0];
      if (!head || lane.busy) continue;
      if (lane.blockedUntil > at) {
        retryAt = Math.min(retryAt, lane.blockedUntil);
        continue;
      }
      if (!lane.window.allows(at)) {
        retryAt = Math.min(retryAt, lane.window.freeAt(at));
        continue;
      }
      const top = best?.jobs[0];
      if (!top || head.rank < top.rank || (head.rank === top.rank && head.seq < top.seq)) {
        best = lane;
      }
    }
    return best ? { lane: best, retryAt } : { retryAt };
  }

  function pump(): void {
    for (;;) {
      const at = now();
      sweep(at);
      if (waiting === 0) return;
      if (globalBlockedUntil > at) {
        wakeAt(globalBlockedUntil);
        return;
      }
      if (!global.allows(at, inFlight)) {
        // A finishing send pumps again; otherwise room comes when the oldest stamp expires.
        if (inFlight === 0 || global.count(at) > 0) wakeAt(global.freeAt(at));
        return;
      }
      const { lane, retryAt } = pick(at);
      if (!lane) {
        if (retryAt !== Infinity) wakeAt(retryAt);
        return;
      }
      start(lane, at);
    }
  }

  function start(lane: Lane, at: number): void {
    const job = lane.jobs[0]!;
    lane.busy = true;
    inFlight++;
    if (job.retries === 0) stats.longestWaitMs = Math.max(stats.longestWaitMs, at - job.enqueuedAt);
    const finish = (result: AttemptResult<unknown>) => {
      const done = now();
      inFlight--;
      lane.busy = false;
      global.record(done);
      lane.window.record(done);
      if (result.kind === "retry") {
        job.retries++;
        lane.blockedUntil = Math.max(lane.blockedUntil, done + result.afterMs);
        if (result.wholeBudget)
          globalBlockedUntil = Math.max(globalBlockedUntil, done + result.afterMs);
      } else {
        lane.jobs.shift();
        waiting--;
        stats.sent++;
        if (result.kind === "done") job.resolve(result.value);
        else job.reject(result.error);
      }
      pump();
    };
    job.attempt().then(finish, (error: unknown) => finish({ kind: "failed", error }));
  }

  return {
    /** Queues one send; resolves with its result when it has gone out (after any retries). */
    schedule<T>(request: SendRequest<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (request.signal?.aborted) return reject(request.signal.reason);
        const lane = laneFor(request.chatId);
        const job: Job = {
          seq: ++seq,
          rank: RANK[request.priority],
          enqueuedAt: now(),
          attempt: request.attempt,
          resolve: resolve as (value: unknown) => void,
          reject,
          retries: 0,
        };
        lane.jobs.push(job);
        waiting++;
        request.signal?.addEventListener(
          "abort",
          () => {
            const index = lane.jobs.indexOf(job);
            // Only a send still waiting can be withdrawn; one in flight finishes as it will.
            if (index < 0 || (index === 0 && lane.busy)) return;
            lane.jobs.splice(index, 1);
            waiting--;
            reject(request.signal?.reason);
          },
          { once: true },
        );
        pump();
      });
    },

    /** Records that Telegram said "retry after" for a retry the caller counts itself. */
    noteRateLimited(): void {
      stats.rateLimited++;
    },

    stats: (): SchedulerStats => ({ waiting, inFlight, ...stats }),
  };
}

export type SendScheduler = ReturnType<typeof createSendScheduler>;
