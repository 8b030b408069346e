-- Archive truth: who may see an article, which feed item it is, what each feed last said.

-- Visibility: 'public' articles are what readers see (/latest, /search, /summary, inline,
-- /start a<ID>); 'private' ones wait for the channel (queued, scheduled, removed, failed).
ALTER TABLE articles ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public'
  CHECK (visibility IN ('public', 'private'));
-- 1 when a feed item was longer than the archive keeps and its text was cut at a paragraph end.
ALTER TABLE articles ADD COLUMN body_cut INTEGER NOT NULL DEFAULT 0;
-- Few articles are private at a time: reader queries leave this small set out cheaply.
CREATE INDEX articles_private ON articles(id) WHERE visibility = 'private';

-- An article becomes public the moment the channel has it, in the same statement that records
-- the post: no reader can see it earlier, and none misses it after.
CREATE TRIGGER articles_public_when_posted AFTER UPDATE OF state ON publish_queue
  WHEN new.state = 'posted'
BEGIN
  UPDATE articles SET visibility = 'public' WHERE id = new.article_id AND visibility <> 'public';
END;

-- Existing archives: whatever is queued, sending, failed or removed and was never posted waits.
UPDATE articles SET visibility = 'private'
WHERE id IN (SELECT article_id FROM publish_queue)
  AND id NOT IN (SELECT article_id FROM publish_queue WHERE state = 'posted');

-- The items of each feed and the article each one is. item_key is the item's identity within
-- its feed: its guid (Atom id, JSON Feed id), else its link with the fragment, else
-- "title:" + headline; a guid-less item whose link the feed repeats adds "\n" + its headline.
-- own = 1: this item is the article's own source (its changes update the article);
-- own = 0: the feed carries a story stored from another source ("also in this feed").
-- item_hash is what the feed last said for the item, so only a real change updates the article.
CREATE TABLE feed_items (
  feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  item_key   TEXT    NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  own        INTEGER NOT NULL CHECK (own IN (0, 1)),
  item_hash  TEXT,
  seen_at    INTEGER NOT NULL,
  PRIMARY KEY (feed_id, item_key)
) WITHOUT ROWID;
CREATE INDEX feed_items_article ON feed_items(article_id, feed_id);

-- Existing feed articles: before this migration the guid column held the guid, or the link when
-- the item had none, which is the new key. item_hash stays unknown: the next fetch records it
-- without treating the item as changed.
INSERT OR IGNORE INTO feed_items (feed_id, item_key, article_id, own, item_hash, seen_at)
  SELECT feed_id, coalesce(guid, url, 'title:' || title), id, 1, NULL, created_at
  FROM articles
  WHERE feed_id IS NOT NULL AND feed_id IN (SELECT id FROM feeds)
  ORDER BY id DESC;

-- What the last fetch of a feed could not store, and why (shown in /feeds and the CLI).
ALTER TABLE feeds ADD COLUMN last_refused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN last_refused_reason TEXT;
