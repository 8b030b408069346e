-- The publication queue: one row per (article, channel) attempt to post. Times are Unix milliseconds.
-- state: queued -> sending -> posted | failed | removed (failed items may be queued again).
CREATE TABLE publish_queue (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  channel      TEXT    NOT NULL,
  state        TEXT    NOT NULL DEFAULT 'queued'
               CHECK (state IN ('queued', 'sending', 'posted', 'failed', 'removed')),
  -- Queue order among live items; smaller goes first. Gaps are fine.
  position     INTEGER NOT NULL,
  not_before   INTEGER,
  -- Set once Telegram accepted the post.
  message_id   INTEGER,
  message_kind TEXT CHECK (message_kind IN ('text', 'photo')),
  -- content_hash of the article text the channel shows; an edit is needed when it differs.
  posted_hash  TEXT,
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  sending_at   INTEGER,
  posted_at    INTEGER
);

-- At most one live (queued or sending) item per article and channel.
CREATE UNIQUE INDEX publish_queue_one_live ON publish_queue(article_id, channel)
  WHERE state IN ('queued', 'sending');
-- At most one posted item per article and channel: a story is never posted twice by the queue.
CREATE UNIQUE INDEX publish_queue_one_posted ON publish_queue(article_id, channel)
  WHERE state = 'posted';
CREATE INDEX publish_queue_order ON publish_queue(channel, state, position);
CREATE INDEX publish_queue_posted_at ON publish_queue(channel, posted_at) WHERE state = 'posted';
