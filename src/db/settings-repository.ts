import type { Db } from "./connection.js";

/** Key/value pairs of the `settings` table (publishing paused, last delivery error, …). */
export function createSettingsRepository(db: Db, now: () => number = Date.now) {
  const select = db.prepare<[string], { value: string }>(
    "SELECT value FROM settings WHERE key = ?",
  );
  const upsert = db.prepare<[string, string, number]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>("DELETE FROM settings WHERE key = ?");

  return {
    /** The stored text, or undefined when the key is not set. */
    get: (key: string): string | undefined => select.get(key)?.value,
    /** Stores `value` under `key`, replacing what was there. */
    set: (key: string, value: string): void => {
      upsert.run(key, value, now());
    },
    /** Removes the key; true when it was set. */
    delete: (key: string): boolean => remove.run(key).changes > 0,
    /** The stored JSON value, or undefined when unset or unreadable. */
    getJson: <T>(key: string): T | undefined => {
      const raw = select.get(key)?.value;
      if (raw === undefined) return undefined;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return undefined;
      }
    },
    /** Stores `value` as JSON. */
    setJson: (key: string, value: unknown): void => {
      upsert.run(key, JSON.stringify(value), now());
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
