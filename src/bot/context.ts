import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { Locale } from "../i18n/locale.js";

export type { Locale };

/** Set by the locale middleware: the user's /language choice, else their Telegram language. */
export interface LocaleFlavor {
  locale: Locale;
}

/** The context every handler of this bot sees. */
export type BotContext = ConversationFlavor<Context & LocaleFlavor>;

/** The context inside a dialog (conversations build their own; the locale plugin runs there too). */
export type DialogContext = Context & LocaleFlavor;
