import type { User } from "grammy/types";

/** Who the web view lets you be in the private chat with the bot. */
export interface Person {
  /** Stable key used by the web view: "editor-en", "reader-ru", … */
  readonly key: string;
  readonly role: "editor" | "reader";
  readonly language: "en" | "ru";
  readonly user: User;
}

/** Editors used when ADMIN_IDS is empty: the sandbox makes them its own editors. */
export const SANDBOX_EDITOR_IDS: readonly number[] = [1001, 1002];

/**
 * The four people of the sandbox: an editor and a reader, each in English and in Russian.
 * Editors take their ids from ADMIN_IDS (the first two; one id serves both languages when the
 * list has one), so what an editor may do in the sandbox is what they may do live.
 */
export function sandboxPeople(adminIds: readonly number[]): Person[] {
  const editorEn = adminIds[0] ?? SANDBOX_EDITOR_IDS[0]!;
  const editorRu = adminIds.length === 0 ? SANDBOX_EDITOR_IDS[1]! : (adminIds[1] ?? editorEn);
  const person = (
    key: string,
    role: Person["role"],
    language: Person["language"],
    id: number,
    first_name: string,
    username: string,
  ): Person => ({
    key,
    role,
    language,
    user: { id, is_bot: false, first_name, username, language_code: language },
  });
  return [
    person("editor-en", "editor", "en", editorEn, "Eddie (editor)", "eddie_edits"),
    person("editor-ru", "editor", "ru", editorRu, "Елена (редактор)", "elena_redaktor"),
    person("reader-en", "reader", "en", 2001, "Alice (reader)", "alice_reads"),
    person("reader-ru", "reader", "ru", 2002, "Мария (читатель)", "maria_chitaet"),
  ];
}
