/** Languages the bot speaks: to readers, to editors, and in the notices it sends editors. */
export type Locale = "en" | "ru";

export const LOCALES: readonly Locale[] = ["en", "ru"];

/** True for a language the bot speaks. */
export const isLocale = (value: unknown): value is Locale => value === "en" || value === "ru";

/** Russian for users whose Telegram is set to Russian, English otherwise. */
export function localeOf(languageCode: string | undefined): Locale {
  const base = languageCode?.toLowerCase().split("-")[0];
  return base === "ru" ? "ru" : "en";
}
