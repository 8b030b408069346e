import type { Locale } from "../../../i18n/locale.js";
import { escapeHtml } from "../../../publishing/telegram-html.js";
import { formatShownTime } from "../../../time/shown-time.js";

export { escapeHtml };

/** A time as editors read it, with its UTC offset: `2 Dec 2026, 10:55 GMT+3`. */
export function shownTime(epochMs: number, timezone: string, locale: Locale): string {
  return formatShownTime(epochMs, timezone, locale);
}

/** A headline cut to `max` characters for lists, escaped. */
export function shortTitle(title: string, max = 80): string {
  const flat = title.replace(/\s+/g, " ").trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
  return escapeHtml(cut);
}

/** An error text from the services, escaped and kept short. */
export function shownError(message: string, max = 200): string {
  const flat = message.replace(/\s+/g, " ").trim();
  return escapeHtml(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

/** Telegram's limit on a message text. */
export const MESSAGE_LIMIT = 4096;

/**
 * One message of a head, as many whole entries as fit and a tail; when entries are left out,
 * `more(n)` says how many, just before the tail. Lengths are counted on the HTML, which is
 * never shorter than the text Telegram counts, so the message always fits.
 */
export function fitEntries(
  parts: { head: string; entries: readonly string[]; separator: string; tail: string },
  more: (left: number) => string,
  limit = MESSAGE_LIMIT,
): string {
  const { head, entries, separator, tail } = parts;
  const room = limit - head.length - tail.length - more(entries.length).length;
  const shown: string[] = [];
  let used = 0;
  for (const entry of entries) {
    const extra = (shown.length > 0 ? separator.length : 0) + entry.length;
    if (used + extra > room) break;
    shown.push(entry);
    used += extra;
  }
  const left = entries.length - shown.length;
  return `${head}${shown.join(separator)}${left > 0 ? more(left) : ""}${tail}`;
}
