import { Composer } from "grammy";
import type { BotContext } from "../context.js";

const UNKNOWN_COMMAND = {
  en: "I don't know that command. /help lists what I can do.",
  ru: "Такой команды нет. /help — список команд.",
};

const NOT_UNDERSTOOD = {
  en: "Send /search and a few words to search the archive, or /help for everything I can do.",
  ru: "Отправьте /search и пару слов для поиска по архиву или /help — список команд.",
};

/**
 * The last stop: private messages nobody else handled get a pointer to /help, and any button
 * nobody handled (in a private chat or a group) gets a short answer, or the client would spin.
 */
export function createUnhandledFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChat = feature.chatType("private");
  privateChat.on("message:text", async (ctx) => {
    const isCommand = ctx.msg.text.startsWith("/");
    await ctx.reply((isCommand ? UNKNOWN_COMMAND : NOT_UNDERSTOOD)[ctx.locale]);
  });
  feature.on("callback_query:data", (ctx) =>
    ctx.answerCallbackQuery({
      text: ctx.locale === "ru" ? "Кнопка устарела." : "This button is no longer active.",
    }),
  );
  return feature;
}
