import { Temporal } from "temporal-polyfill";
import type { WallTime } from "./zoned-time.js";

/**
 * What a wall-clock time means in a zone: one moment; none (it falls in a gap when clocks
 * jump forward), with the nearest real minutes on either side; or two (the hour repeated when
 * clocks go back).
 */
export type ResolvedWallTime =
  | { readonly kind: "exact"; readonly at: number }
  | { readonly kind: "gap"; readonly before: number; readonly after: number }
  | { readonly kind: "ambiguous"; readonly earlier: number; readonly later: number };

const MINUTE = 60_000;

/**
 * Resolves `wall` in `timeZone` with Temporal's rules (tz database transitions), never moving
 * it silently: a time that does not exist or exists twice is reported as such.
 */
export function resolveWallTime(wall: WallTime, timeZone: string): ResolvedWallTime {
  const plain = Temporal.PlainDateTime.from(
    {
      year: wall.year,
      month: wall.month,
      day: wall.day,
      hour: wall.hour,
      minute: wall.minute,
      second: wall.second,
    },
    { overflow: "reject" },
  );
  const earlier = plain.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  const later = plain.toZonedDateTime(timeZone, { disambiguation: "later" });
  if (earlier.epochMilliseconds === later.epochMilliseconds) {
    return { kind: "exact", at: earlier.epochMilliseconds };
  }
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), plain) === 0) {
    return {
      kind: "ambiguous",
      earlier: earlier.epochMilliseconds,
      later: later.epochMilliseconds,
    };
  }
  // In a gap: the clocks jumped at the transition before `later`; the first real minute is the
  // transition itself, the last one before it a minute earlier.
  const jump = later.getTimeZoneTransition("previous");
  const after = jump ? jump.epochMilliseconds : later.epochMilliseconds;
  return { kind: "gap", before: after - MINUTE, after };
}
