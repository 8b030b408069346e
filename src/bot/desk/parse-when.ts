import { resolveWallTime } from "../../time/resolve-wall-time.js";
import { isValidWallTime, toWallTime, type WallTime } from "../../time/zoned-time.js";

/** How far ahead a post may be planned. */
export const MAX_PLAN_AHEAD_MS = 366 * 24 * 3600 * 1000;

/** Why a typed time cannot be used (the desk's catalogue words each one). */
export type WhenProblem = "format" | "no-such-time" | "past" | "too-far";

export type ParsedWhen =
  | { readonly ok: true; readonly at: number }
  | { readonly ok: false; readonly problem: WhenProblem }
  /** Clocks jump over it: the nearest real minutes still ahead (one or both). */
  | { readonly ok: false; readonly problem: "gap"; readonly nearest: readonly number[] }
  /** The clocks show it twice: both moments (earlier first), both still ahead. */
  | { readonly ok: false; readonly problem: "ambiguous"; readonly choices: readonly number[] };

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
 * most a year ahead. A time the clocks skip (spring forward) is refused with the nearest real
 * minutes; one they show twice (fall back) is returned as both moments, for the editor to pick.
 */
export function parseWhen(text: string, timezone: string, now: number): ParsedWhen {
  const w = wallOf(text.trim());
  if (!w) return { ok: false, problem: "format" };
  if (!isValidWallTime(w)) return { ok: false, problem: "no-such-time" };
  const usable = (at: number) => at > now && at - now <= MAX_PLAN_AHEAD_MS;
  const resolved = resolveWallTime(w, timezone);
  const check = (at: number): ParsedWhen =>
    at <= now
      ? { ok: false, problem: "past" }
      : at - now > MAX_PLAN_AHEAD_MS
        ? { ok: false, problem: "too-far" }
        : { ok: true, at };
  switch (resolved.kind) {
    case "exact":
      return check(resolved.at);
    case "gap": {
      const nearest = [resolved.before, resolved.after].filter(usable);
      return nearest.length ? { ok: false, problem: "gap", nearest } : check(resolved.after);
    }
    case "ambiguous": {
      const choices = [resolved.earlier, resolved.later].filter(usable);
      if (choices.length === 2) return { ok: false, problem: "ambiguous", choices };
      return check(choices[0] ?? resolved.later);
    }
  }
}

/** Tomorrow at 09:30 in `timezone`, as the editor would type it: an example always ahead. */
export function exampleWhen(timezone: string, now: number): string {
  const w = toWallTime(now + 24 * 3600_000, timezone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(w.day)}.${pad(w.month)}.${w.year} 09:30`;
}
