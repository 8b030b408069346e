import { fromWallTime, isValidWallTime, type WallTime } from "../../time/zoned-time.js";

/** How far ahead a post may be planned. */
export const MAX_PLAN_AHEAD_MS = 366 * 24 * 3600 * 1000;

export type ParsedWhen =
  | { readonly ok: true; readonly at: number }
  | { readonly ok: false; readonly reason: string };

const DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[,\s]+(\d{1,2}):(\d{2})$/;
const TIME_FIRST = /^(\d{1,2}):(\d{2})[,\s]+(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})[T\s]+(\d{1,2}):(\d{2})$/;

function wallOf(text: string): WallTime | undefined {
  let m = DAY_FIRST.exec(text);
  if (m) return wall(m[3], m[2], m[1], m[4], m[5]);
  m = TIME_FIRST.exec(text);
  if (m) return wall(m[5], m[4], m[3], m[1], m[2]);
  m = ISO.exec(text);
  if (m) return wall(m[1], m[2], m[3], m[4], m[5]);
  return undefined;
}

function wall(...parts: Array<string | undefined>): WallTime {
  const [year, month, day, hour, minute] = parts.map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { year, month, day, hour, minute, second: 0 };
}

/**
 * Reads a date and time an editor typed (`25.12.2025 09:30`, `09:30 25.12.2025` or
 * `2025-12-25 09:30`) as wall time in `timezone`. It must be a real time in the future and at
 * most a year ahead.
 */
export function parseWhen(text: string, timezone: string, now: number): ParsedWhen {
  const w = wallOf(text.trim());
  if (!w) {
    return {
      ok: false,
      reason: "write the date and time like 25.12.2025 09:30 (day.month.year hours:minutes)",
    };
  }
  if (!isValidWallTime(w)) return { ok: false, reason: "there is no such date or time" };
  const at = fromWallTime(w, timezone);
  if (at <= now) return { ok: false, reason: "that time has already passed" };
  if (at - now > MAX_PLAN_AHEAD_MS) return { ok: false, reason: "that is more than a year ahead" };
  return { ok: true, at };
}
