import type { Context, NextFunction } from "grammy";
import type { Locale, LocaleFlavor } from "./context.js";

/** Russian for users whose Telegram is set to Russian, English otherwise. */
export function localeOf(languageCode: string | undefined): Locale {
  const base = languageCode?.toLowerCase().split("-")[0];
  return base === "ru" ? "ru" : "en";
}

/** Middleware that stores the user's locale on the context. */
export async function detectLocale(
  ctx: Context & Partial<LocaleFlavor>,
  next: NextFunction,
): Promise<void> {
  ctx.locale = localeOf(ctx.from?.language_code);
  await next();
}
