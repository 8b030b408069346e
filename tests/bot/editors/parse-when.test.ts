import { describe, expect, it } from "vitest";
import { exampleWhen, parseWhen } from "../../../src/bot/desk/parse-when.js";
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
      problem: "no-such-time",
    });
    expect(parseWhen("11.03.2025 24:10", ZONE, NOW)).toEqual({
      ok: false,
      problem: "no-such-time",
    });
    expect(parseWhen("10.03.2025 11:59", ZONE, NOW)).toEqual({ ok: false, problem: "past" });
    expect(parseWhen("10.03.2027 11:59", ZONE, NOW)).toEqual({ ok: false, problem: "too-far" });
    expect(parseWhen("tomorrow", ZONE, NOW)).toEqual({ ok: false, problem: "format" });
  });
});

describe("times around a daylight-saving change (Europe/Berlin, 2025)", () => {
  const BERLIN = "Europe/Berlin";
  const before = Date.UTC(2025, 2, 1, 12, 0); // 1 March 2025
  const utc = (month: number, day: number, hour: number, minute: number) =>
    Date.UTC(2025, month - 1, day, hour, minute);

  it("refuses 02:30 on the night the clocks jump from 02:00 to 03:00, offering 01:59 and 03:00", () => {
    // 30 March 2025: 01:59 CET (UTC 00:59) is followed by 03:00 CEST (UTC 01:00).
    expect(parseWhen("30.03.2025 02:30", BERLIN, before)).toEqual({
      ok: false,
      problem: "gap",
      nearest: [utc(3, 30, 0, 59), utc(3, 30, 1, 0)],
    });
    expect(parseWhen("30.03.2025 03:00", BERLIN, before)).toEqual({
      ok: true,
      at: utc(3, 30, 1, 0),
    });
  });

  it("asks which 02:30 is meant on the night the clocks go back from 03:00 to 02:00", () => {
    // 26 October 2025: 02:30 CEST (UTC 00:30), then 02:30 CET (UTC 01:30).
    expect(parseWhen("26.10.2025 02:30", BERLIN, before)).toEqual({
      ok: false,
      problem: "ambiguous",
      choices: [utc(10, 26, 0, 30), utc(10, 26, 1, 30)],
    });
  });

  it("takes the one reading still ahead when the other has passed", () => {
    const between = utc(10, 26, 1, 0); // after the first 02:30, before the second
    expect(parseWhen("26.10.2025 02:30", BERLIN, between)).toEqual({
      ok: true,
      at: utc(10, 26, 1, 30),
    });
  });
});

describe("the example in the /new prompt", () => {
  it("is tomorrow at 09:30 in TIMEZONE, so it is always ahead, even late at night", () => {
    for (const hour of [0, 9, 23]) {
      const now = at(10, hour, 45);
      const example = exampleWhen(ZONE, now);
      const parsed = parseWhen(example, ZONE, now);
      expect(parsed.ok, `${example} at ${hour}:45`).toBe(true);
    }
    expect(exampleWhen(ZONE, at(31, 23, 50, 12, 2025))).toBe("01.01.2026 09:30");
  });
});
