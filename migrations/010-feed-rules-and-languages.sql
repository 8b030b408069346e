-- Per-feed rules (issue 14): polling can be paused, and new items are queued only when their
-- headline or text has an include word (if any are set) and no exclude word. Word lists are
-- JSON arrays of lower-case words; filtered items are still archived.
ALTER TABLE feeds ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN include_words TEXT NOT NULL DEFAULT '[]';
ALTER TABLE feeds ADD COLUMN exclude_words TEXT NOT NULL DEFAULT '[]';
-- The last poll failure's reason as data (JSON), so the desk can word it in each editor's
-- language; last_error keeps the English sentence. NULL when unknown or after a success.
ALTER TABLE feeds ADD COLUMN last_problem TEXT;

-- The language a user chose with /language (overrides Telegram's language for that user).
CREATE TABLE user_languages (
  user_id    INTEGER PRIMARY KEY,
  language   TEXT    NOT NULL CHECK (language IN ('en', 'ru')),
  updated_at INTEGER NOT NULL
);

-- Editors' private chats that have the editors' command menu, and in which language. Lets a
-- menu be set when an editor first writes, refreshed when the language changes, and taken
-- away from someone no longer in ADMIN_IDS; also the language of notices sent to editors.
CREATE TABLE editor_menus (
  chat_id    INTEGER PRIMARY KEY,
  language   TEXT    NOT NULL CHECK (language IN ('en', 'ru')),
  set_at     INTEGER NOT NULL
);
