import { describe, expect, it } from "vitest";
import { parseWhen } from "../../../src/bot/input/parse-when.js";
import { fromWallTime } from "../../../src/time/zoned-time.js";

const ZONE = "Europe/Moscow";
const NOW = fromWallTime({ year: 2025, month: 3, day: 10, hour: 12, minute: 0, second: 0 }, ZONE);
const at = (day: number, hour: number, minute: number, month = 3, year = 2025) =>
  fromWallTime({ year, month, day, hour, minute, second: 0 }, ZONE);

describe("reading the time an editor typed for /new", () => {
  it("reads day.month.year hours:minutes, time first, and ISO, in TIMEZONE", () => {
    expect(parseWhen("11.03.2025 09:30", ZONE, NOW)).toEqual({ ok: true, at: at(11, 9, 30) });
    expect(parseWhen("9:30 11.03.2025", ZONE, NOW)).toEqual({ ok: true, at: at(11, 9, 30) });
    expect(parseWhen(" 2025-03-11 09:30 ", ZONE, NOW)).toEqual({ ok: true, at: at(11, 9, 30) });
  });

  it("refuses impossible, past, far and unreadable times with a reason", () => {
    expect(parseWhen("30.02.2025 10:00", ZONE, NOW)).toEqual({
      ok: false,
      reason: "there is no such date or time",
    });
    expect(parseWhen("11.03.2025 24:10", ZONE, NOW)).toMatchObject({
      ok: false,
      reason: "there is no such date or time",
    });
    expect(parseWhen("10.03.2025 11:59", ZONE, NOW)).toEqual({
      ok: false,
      reason: "that time has already passed",
    });
    expect(parseWhen("10.03.2027 11:59", ZONE, NOW)).toEqual({
      ok: false,
      reason: "that is more than a year ahead",
    });
    expect(parseWhen("tomorrow", ZONE, NOW)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("25.12.2025 09:30"),
    });
  });
});
