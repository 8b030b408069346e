import type { Context, NextFunction } from "grammy";
import { type Locale, localeOf } from "../i18n/locale.js";
import type { LocaleFlavor } from "./context.js";

export { localeOf };

/** Where a user's /language choice is remembered. */
export interface LanguageChoices {
  chosen(userId: number): Locale | undefined;
}

/** The user's language: their /language choice, else Telegram's language (Russian or English). */
export function userLocale(ctx: Context, choices: LanguageChoices | undefined): Locale {
  const from = ctx.from;
  return (from && choices?.chosen(from.id)) ?? localeOf(from?.language_code);
}

/** Middleware that puts the user's locale on the context. */
export function createLocaleMiddleware(choices: LanguageChoices | undefined) {
  return async (ctx: Context & Partial<LocaleFlavor>, next: NextFunction): Promise<void> => {
    ctx.locale = userLocale(ctx, choices);
    await next();
  };
}
