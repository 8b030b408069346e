import type { Db } from "./connection.js";

/** A synchronous string-keyed JSON store; the shape grammY's session/conversation storages expect. */
export interface KeyValueStorage<T> {
  read(key: string): T | undefined;
  write(key: string, value: T): void;
  delete(key: string): void;
}

/**
 * JSON values in the `bot_sessions` table, under a namespace, so that dialog state
 * survives a restart of the bot.
 */
export function createKeyValueStorage<T>(
  db: Db,
  namespace: string,
  now: () => number = Date.now,
): KeyValueStorage<T> {
  const select = db.prepare<[string], { value: string }>(
    "SELECT value FROM bot_sessions WHERE key = ?",
  );
  const upsert = db.prepare(
    "INSERT INTO bot_sessions (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
  );
  const remove = db.prepare("DELETE FROM bot_sessions WHERE key = ?");
  const fullKey = (key: string) => `${namespace}:${key}`;
  return {
    read(key) {
      const row = select.get(fullKey(key));
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    write(key, value) {
      upsert.run(fullKey(key), JSON.stringify(value), now());
    },
    delete(key) {
      remove.run(fullKey(key));
    },
  };
}
