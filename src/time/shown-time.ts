import type { Locale } from "../i18n/locale.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    // Month as a word (no 02.12 vs 12.02 doubt), 24-hour clock, and the UTC offset, which also
    // tells the two 02:30s of an autumn night apart (a zone's abbreviation would not).
    f = new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
      timeZone,
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "shortOffset",
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A moment as editors read it: `2 Dec 2026, 10:55 GMT+3` / `2 дек. 2026 г., 10:55 GMT+3`.
 * Every shown time carries its offset from UTC; the month is a word in the editor's language.
 */
export function formatShownTime(epochMs: number, timeZone: string, locale: Locale): string {
  return formatterFor(locale, timeZone).format(new Date(epochMs));
}

/** Just the clock and the offset (`02:30 GMT+2`): tells two readings of one wall time apart. */
export function formatClockWithOffset(epochMs: number, timeZone: string, locale: Locale): string {
  const parts = formatterFor(locale, timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${get("hour")}:${get("minute")} ${get("timeZoneName")}`;
}
