import type { Locale } from "../context.js";
import { en } from "./en.js";
import type { Messages } from "./messages.js";
import { ru } from "./ru.js";

export type { CommandHelp, Messages } from "./messages.js";

const CATALOGUE: Record<Locale, Messages> = { en, ru };

/** The reader-facing texts in `locale` (English for anything we do not have). */
export function messagesFor(locale: Locale | undefined): Messages {
  return CATALOGUE[locale ?? "en"] ?? en;
}
