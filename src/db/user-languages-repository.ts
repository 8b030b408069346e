import { isLocale, type Locale } from "../i18n/locale.js";
import type { Db } from "./connection.js";

/** The language each user chose with /language (table user_languages). */
export function createUserLanguagesRepository(db: Db, now: () => number = Date.now) {
  const select = db.prepare<[number], { language: string }>(
    "SELECT language FROM user_languages WHERE user_id = ?",
  );
  const upsert = db.prepare<[number, string, number]>(
    `INSERT INTO user_languages (user_id, language, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
  );
  return {
    /** The language the user chose, or undefined (then Telegram's language decides). */
    chosen: (userId: number): Locale | undefined => {
      const language = select.get(userId)?.language;
      return isLocale(language) ? language : undefined;
    },
    /** Remembers the user's choice, replacing an earlier one. */
    choose: (userId: number, language: Locale): void => {
      upsert.run(userId, language, now());
    },
  };
}

export type UserLanguagesRepository = ReturnType<typeof createUserLanguagesRepository>;
