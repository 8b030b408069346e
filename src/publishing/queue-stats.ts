import type { QueueRepository } from "../db/queue-repository.js";
import { fromWallTime, toWallTime } from "../time/zoned-time.js";
import type { DeliveryErrorInfo, PauseInfo, PauseState } from "./pause-state.js";

export interface QueueStats {
  readonly queued: number;
  readonly postedToday: number;
  readonly postedLast7Days: number;
  readonly failed: number;
  readonly paused: PauseInfo | null;
  readonly lastDeliveryError: DeliveryErrorInfo | null;
}

const DAY_MS = 86_400_000;

/** Start of the calendar day `daysBack` days before the one `at` falls on, in `timezone`. */
function startOfDay(at: number, timezone: string, daysBack = 0): number {
  const wall = toWallTime(at, timezone);
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day) - daysBack * DAY_MS);
  return fromWallTime(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
    },
    timezone,
  );
}

/** The numbers editors see in /stats for one channel's queue, counted at `at`. */
export function queueStats(deps: {
  queue: QueueRepository;
  pauseState: PauseState;
  channel: string;
  timezone: string;
  at: number;
}): QueueStats {
  const { queue, pauseState, channel, timezone, at } = deps;
  return {
    queued: queue.count(channel, "queued"),
    postedToday: queue.countPostedSince(channel, startOfDay(at, timezone)),
    postedLast7Days: queue.countPostedSince(channel, startOfDay(at, timezone, 6)),
    failed: queue.count(channel, "failed"),
    paused: pauseState.info() ?? null,
    lastDeliveryError: pauseState.lastDeliveryError() ?? null,
  };
}
