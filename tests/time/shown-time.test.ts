import { describe, expect, it } from "vitest";
import { formatClockWithOffset, formatShownTime } from "../../src/time/shown-time.js";

const at = Date.UTC(2026, 11, 2, 7, 55); // 2 December 2026, 07:55 UTC

describe("times as editors read them", () => {
  it("carry the UTC offset and name the month, in either language", () => {
    expect(formatShownTime(at, "Europe/Moscow", "en")).toBe("2 Dec 2026, 10:55 GMT+3");
    expect(formatShownTime(at, "Europe/Moscow", "ru")).toBe("2 дек. 2026 г., 10:55 GMT+3");
    expect(formatShownTime(at, "UTC", "en")).toBe("2 Dec 2026, 07:55 GMT+0");
    expect(formatShownTime(at, "Asia/Kolkata", "en")).toBe("2 Dec 2026, 13:25 GMT+5:30");
  });

  it("tell the two readings of a repeated hour apart by their offsets", () => {
    // 25 October 2026 in Berlin: 02:30 happens at 00:30 UTC (summer time) and 01:30 UTC (winter).
    const first = Date.UTC(2026, 9, 25, 0, 30);
    const second = Date.UTC(2026, 9, 25, 1, 30);
    expect(formatClockWithOffset(first, "Europe/Berlin", "en")).toBe("02:30 GMT+2");
    expect(formatClockWithOffset(second, "Europe/Berlin", "en")).toBe("02:30 GMT+1");
    expect(formatShownTime(first, "Europe/Berlin", "ru")).toBe("25 окт. 2026 г., 02:30 GMT+2");
  });
});
