import { Composer, InlineKeyboard } from "grammy";
import type { UserLanguagesRepository } from "../../db/user-languages-repository.js";
import { isLocale, type Locale } from "../../i18n/locale.js";
import type { BotContext } from "../context.js";
import { messagesFor } from "../i18n/index.js";

const CHOICE = /^lang:(en|ru)$/;
const NAMES: Record<Locale, string> = { en: "English", ru: "Русский" };

const choiceKeyboard = () =>
  new InlineKeyboard().text(NAMES.en, "lang:en").text(NAMES.ru, "lang:ru");

/**
 * /language for readers and editors: buttons (or `/language ru`) choose the language of the
 * bot's replies to this user, remembered across restarts and over Telegram's own setting.
 * `afterChoice` lets the editors' menu follow the new language at once.
 */
export function createLanguageFeature(
  languages: UserLanguagesRepository,
  afterChoice?: (ctx: BotContext) => Promise<void>,
): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const choose = async (ctx: BotContext, locale: Locale) => {
    if (!ctx.from) return;
    languages.choose(ctx.from.id, locale);
    ctx.locale = locale;
    await afterChoice?.(ctx);
  };

  feature.command("language", async (ctx) => {
    const wanted = ctx.match.trim().toLowerCase();
    if (wanted === "") {
      await ctx.reply(messagesFor(ctx.locale).languagePrompt, { reply_markup: choiceKeyboard() });
      return;
    }
    if (!isLocale(wanted)) {
      await ctx.reply(messagesFor(ctx.locale).languageUsage);
      return;
    }
    await choose(ctx, wanted);
    await ctx.reply(messagesFor(wanted).languageSet);
  });

  feature.callbackQuery(CHOICE, async (ctx) => {
    const locale = CHOICE.exec(ctx.callbackQuery.data)![1] as Locale;
    await choose(ctx, locale);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(messagesFor(locale).languageSet).catch(() => undefined);
  });

  return feature;
}
