import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";

/** Languages the bot answers readers in. */
export type Locale = "en" | "ru";

/** Set by the locale middleware from the user's Telegram language. */
export interface LocaleFlavor {
  locale: Locale;
}

/** The context every handler of this bot sees. */
export type BotContext = ConversationFlavor<Context & LocaleFlavor>;
