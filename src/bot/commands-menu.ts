import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Logger } from "../logger.js";

type Described = { command: string; en: string; ru: string };

const READER_COMMANDS: Described[] = [
  {
    command: "latest",
    en: "Newest articles, e.g. /latest 10",
    ru: "Свежие статьи, например /latest 10",
  },
  {
    command: "search",
    en: "Search the archive, e.g. /search election",
    ru: "Поиск по архиву, например /search выборы",
  },
  {
    command: "summary",
    en: "Today's digest, or /summary 42 for one article",
    ru: "Дайджест дня или /summary 42 для статьи",
  },
  { command: "help", en: "What this bot can do", ru: "Что умеет бот" },
  { command: "start", en: "Welcome", ru: "Начало" },
];

const EDITOR_COMMANDS: Described[] = [
  { command: "add", en: "Queue a pasted article", ru: "Поставить статью в очередь" },
  { command: "new", en: "Write a post step by step", ru: "Новый пост по шагам" },
  { command: "queue", en: "The publication queue", ru: "Очередь публикаций" },
  {
    command: "postnow",
    en: "Publish the next due post now",
    ru: "Опубликовать следующий пост сейчас",
  },
  {
    command: "clearqueue",
    en: "Remove a feed's queued items: /clearqueue <feed ID>",
    ru: "Убрать из очереди ленту: /clearqueue <ID>",
  },
  { command: "pause", en: "Pause scheduled publishing", ru: "Приостановить публикации" },
  { command: "resume", en: "Resume scheduled publishing", ru: "Возобновить публикации" },
  {
    command: "addfeed",
    en: "Add a feed: /addfeed <url> [store-only] [latest N]",
    ru: "Добавить ленту: /addfeed <url>",
  },
  { command: "feeds", en: "The feeds and their health", ru: "Ленты и их состояние" },
  {
    command: "removefeed",
    en: "Remove a feed: /removefeed <ID>",
    ru: "Удалить ленту: /removefeed <ID>",
  },
  { command: "stats", en: "Archive and publishing figures", ru: "Статистика" },
  { command: "cancel", en: "Leave the current dialog", ru: "Выйти из диалога" },
];

const inLanguage = (list: Described[], lang: "en" | "ru"): BotCommand[] =>
  list.map((c) => ({ command: c.command, description: c[lang] }));

/**
 * Publishes the command menus: reader commands for everyone, and reader plus editor
 * commands in each editor's private chat. An editor who has never opened the bot has no
 * chat yet; that is logged and skipped.
 */
export async function publishCommandMenus(
  api: Api,
  adminIds: readonly number[],
  logger: Logger,
): Promise<void> {
  await api.setMyCommands(inLanguage(READER_COMMANDS, "en"));
  await api.setMyCommands(inLanguage(READER_COMMANDS, "ru"), { language_code: "ru" });
  const editorMenu = inLanguage([...EDITOR_COMMANDS, ...READER_COMMANDS], "en");
  for (const chatId of adminIds) {
    try {
      await api.setMyCommands(editorMenu, { scope: { type: "chat", chat_id: chatId } });
    } catch (error) {
      logger.warn(
        { chatId, err: String(error) },
        "could not set the editor menu (has this editor started the bot?)",
      );
    }
  }
}
