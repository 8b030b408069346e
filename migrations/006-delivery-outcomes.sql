-- Delivery you can trust: posts whose fate is unknown wait for an editor; re-sends are counted.

-- Restarts that found this item in flight, in a row (reset when it is handled normally). The
-- second one in a row holds the item for an editor instead of sending it again.
ALTER TABLE publish_queue ADD COLUMN interruptions INTEGER NOT NULL DEFAULT 0;
-- Set while the item is held as "outcome unknown" (state stays 'sending', so it is neither sent
-- again nor queued twice): Telegram may or may not have the post, and an editor decides.
ALTER TABLE publish_queue ADD COLUMN unknown_since INTEGER;
-- The editor's answer to an "outcome unknown" question, who gave it and when.
ALTER TABLE publish_queue ADD COLUMN editor_choice TEXT
  CHECK (editor_choice IN ('in-channel', 'send-again'));
ALTER TABLE publish_queue ADD COLUMN editor_choice_by INTEGER;
ALTER TABLE publish_queue ADD COLUMN editor_choice_at INTEGER;

-- Every attempt to send a post to a channel (before the request goes out), so the pacer counts
-- re-sends, also those from before a restart. Rows older than a few minutes are pruned.
CREATE TABLE channel_sends (
  channel TEXT    NOT NULL,
  sent_at INTEGER NOT NULL
);
CREATE INDEX channel_sends_by_time ON channel_sends(channel, sent_at);
