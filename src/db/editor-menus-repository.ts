import { isLocale, type Locale } from "../i18n/locale.js";
import type { Db } from "./connection.js";

/** Private chats that were given the editors' command menu, and its language (editor_menus). */
export function createEditorMenusRepository(db: Db, now: () => number = Date.now) {
  const select = db.prepare<[number], { language: string }>(
    "SELECT language FROM editor_menus WHERE chat_id = ?",
  );
  const all = db.prepare<[], { chat_id: number; language: string }>(
    "SELECT chat_id, language FROM editor_menus ORDER BY chat_id",
  );
  const upsert = db.prepare<[number, string, number]>(
    `INSERT INTO editor_menus (chat_id, language, set_at) VALUES (?, ?, ?)
     ON CONFLICT(chat_id) DO UPDATE SET language = excluded.language, set_at = excluded.set_at`,
  );
  const remove = db.prepare<[number]>("DELETE FROM editor_menus WHERE chat_id = ?");
  return {
    /** The language of the menu set in this chat, or undefined when it has none. */
    languageOf: (chatId: number): Locale | undefined => {
      const language = select.get(chatId)?.language;
      return isLocale(language) ? language : undefined;
    },
    /** Every chat with an editors' menu. */
    list: (): { chatId: number; language: Locale }[] =>
      all
        .all()
        .map((r) => ({ chatId: r.chat_id, language: isLocale(r.language) ? r.language : "en" })),
    record: (chatId: number, language: Locale): void => {
      upsert.run(chatId, language, now());
    },
    forget: (chatId: number): void => {
      remove.run(chatId);
    },
  };
}

export type EditorMenusRepository = ReturnType<typeof createEditorMenusRepository>;
