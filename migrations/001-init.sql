-- Articles: the archive. Times are Unix milliseconds.
CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  title         TEXT    NOT NULL,
  body          TEXT    NOT NULL,
  url           TEXT,
  canonical_url TEXT,
  guid          TEXT,
  feed_id       INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
  source        TEXT,
  image_url     TEXT,
  language      TEXT,
  published_at  INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER,
  update_count  INTEGER NOT NULL DEFAULT 0,
  content_hash  TEXT    NOT NULL
);
CREATE INDEX articles_guid ON articles(guid) WHERE guid IS NOT NULL;
CREATE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published_at ON articles(published_at);

-- Feeds polled on FEED_SCHEDULE.
CREATE TABLE feeds (
  id              INTEGER PRIMARY KEY,
  url             TEXT    NOT NULL UNIQUE,
  title           TEXT,
  store_only      INTEGER NOT NULL DEFAULT 0,
  etag            TEXT,
  last_modified   TEXT,
  last_fetched_at INTEGER,
  last_success_at INTEGER,
  last_error      TEXT,
  failure_count   INTEGER NOT NULL DEFAULT 0,
  next_fetch_at   INTEGER NOT NULL DEFAULT 0,
  item_count      INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL
);

-- Small key/value settings (publishing paused, etc.), kept across restarts.
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Session and conversation state for the bot (grammY storage adapter).
CREATE TABLE bot_sessions (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
