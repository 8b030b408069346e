import type { Locale } from "../../i18n/locale.js";
import type { DeskMessages } from "../desk/texts/desk-messages.js";
import { deskEn } from "../desk/texts/en.js";
import { deskRu } from "../desk/texts/ru.js";
import { en } from "../readers/texts/en.js";
import type { Messages } from "../readers/texts/reader-messages.js";
import { ru } from "../readers/texts/ru.js";

export type { DeskMessages } from "../desk/texts/desk-messages.js";
export type { CommandHelp, Messages } from "../readers/texts/reader-messages.js";

/** Every catalogue, by language: a language is added here and type-checked against both interfaces. */
export const CATALOGUE: Readonly<Record<Locale, { reader: Messages; desk: DeskMessages }>> = {
  en: { reader: en, desk: deskEn },
  ru: { reader: ru, desk: deskRu },
};

/** The reader-facing texts in `locale` (English for anything we do not have). */
export function messagesFor(locale: Locale | undefined): Messages {
  return CATALOGUE[locale ?? "en"]?.reader ?? en;
}

/** The editors' desk texts in `locale` (English for anything we do not have). */
export function deskFor(locale: Locale | undefined): DeskMessages {
  return CATALOGUE[locale ?? "en"]?.desk ?? deskEn;
}
