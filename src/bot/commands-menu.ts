import type { Api, Context, NextFunction } from "grammy";
import type { BotCommand } from "grammy/types";
import type { EditorMenusRepository } from "../db/editor-menus-repository.js";
import { LOCALES, type Locale } from "../i18n/locale.js";
import type { Logger } from "../logger.js";
import type { LocaleFlavor } from "./context.js";
import { DESK_MENU_COMMANDS } from "./desk/desk-commands.js";
import { deskFor } from "./i18n/index.js";

const READER_MENU: Record<Locale, { command: string; description: string }[]> = {
  en: [
    { command: "latest", description: "Newest articles, e.g. /latest 10" },
    { command: "search", description: "Search the archive, e.g. /search election" },
    { command: "summary", description: "Today's digest, or /summary 42 for one article" },
    { command: "language", description: "English or Russian" },
    { command: "help", description: "What this bot can do" },
    { command: "start", description: "Welcome" },
  ],
  ru: [
    { command: "latest", description: "Свежие статьи, например /latest 10" },
    { command: "search", description: "Поиск по архиву, например /search выборы" },
    { command: "summary", description: "Дайджест дня или /summary 42 для статьи" },
    { command: "language", description: "Русский или английский" },
    { command: "help", description: "Что умеет бот" },
    { command: "start", description: "Начало" },
  ],
};

/** The readers' menu in `locale`. */
export const readerMenu = (locale: Locale): BotCommand[] => READER_MENU[locale];

/** An editor's menu in `locale`: the desk's commands, then the readers'. */
export function editorMenu(locale: Locale): BotCommand[] {
  const d = deskFor(locale);
  return [
    ...DESK_MENU_COMMANDS.map((command) => ({ command, description: d.menu[command] })),
    ...readerMenu(locale),
  ];
}

export interface EditorMenuDeps {
  readonly adminIds: readonly number[];
  readonly menus: EditorMenusRepository;
  readonly logger: Logger;
}

/**
 * Publishes the readers' menus (per language) and brings the editors' menus up to date at
 * start-up: a chat recorded as having the editors' menu whose user is no longer in ADMIN_IDS
 * loses it; an editor's menu is set again in its recorded language. Editors who never wrote to
 * the bot get theirs when they do (see createEditorMenuSync).
 */
export async function publishCommandMenus(api: Api, deps: EditorMenuDeps): Promise<void> {
  await api.setMyCommands(readerMenu("en"));
  for (const locale of LOCALES) {
    if (locale !== "en") await api.setMyCommands(readerMenu(locale), { language_code: locale });
  }
  const admins = new Set(deps.adminIds);
  for (const { chatId, language } of deps.menus.list()) {
    try {
      if (admins.has(chatId)) {
        await setEditorMenu(api, chatId, language);
      } else {
        await removeEditorMenu(api, chatId);
        deps.menus.forget(chatId);
      }
    } catch (error) {
      deps.logger.warn({ chatId, err: String(error) }, "could not update an editor menu");
    }
  }
}

/** The editors' menu in one editor's private chat (scope chat), in their language. */
async function setEditorMenu(api: Api, chatId: number, locale: Locale): Promise<void> {
  await api.setMyCommands(editorMenu(locale), { scope: { type: "chat", chat_id: chatId } });
}

/** Back to the readers' menu: the chat's own scope is dropped, the default ones apply again. */
async function removeEditorMenu(api: Api, chatId: number): Promise<void> {
  await api.deleteMyCommands({ scope: { type: "chat", chat_id: chatId } });
}

/**
 * Middleware, early in the chain: in a private chat, an editor without the editors' menu in
 * their current language (first message, /start, or after /language) gets it; someone who had
 * it but is no longer in ADMIN_IDS loses it. One indexed lookup per private update.
 */
export function createEditorMenuSync(deps: EditorMenuDeps) {
  const admins = new Set(deps.adminIds);
  return async (ctx: Context & LocaleFlavor, next: NextFunction): Promise<void> => {
    const chat = ctx.chat;
    const from = ctx.from;
    if (chat?.type === "private" && from && chat.id === from.id) {
      try {
        await syncMenu(ctx, chat.id, admins.has(from.id) && !from.is_bot);
      } catch (error) {
        // A menu is a convenience: the update itself is still handled.
        deps.logger.warn({ chatId: chat.id, err: String(error) }, "could not sync the editor menu");
      }
    }
    await next();
  };

  async function syncMenu(ctx: Context & LocaleFlavor, chatId: number, editor: boolean) {
    const recorded = deps.menus.languageOf(chatId);
    if (editor) {
      const isStart = ctx.message?.text?.split(/[\s@]/)[0] === "/start";
      if (recorded === ctx.locale && !isStart) return;
      await setEditorMenu(ctx.api, chatId, ctx.locale);
      deps.menus.record(chatId, ctx.locale);
    } else if (recorded !== undefined) {
      await removeEditorMenu(ctx.api, chatId);
      deps.menus.forget(chatId);
    }
  }
}
