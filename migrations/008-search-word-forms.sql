-- Search that knows word forms: Russian and English words are indexed as their Snowball
-- stems (Porter2 for English, Snowball Russian), computed by the application's SQL
-- functions search_language(), search_text() and search_fresh_terms()
-- (src/search/index-functions.ts, registered on every connection by openDatabase).
--
-- The index holds only the stems (contentless: the text stays in `articles` alone) and only
-- which columns hold them (detail=column): no positions, as search never asks for phrases.
-- The stems are already lower case and folded, so the plain ASCII tokenizer only splits
-- them at the spaces: one query word is always exactly one index token.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;
DROP VIEW articles_search_text;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body,
  content = '',
  contentless_delete = 1,
  detail = column,
  tokenize = 'ascii'
);

-- Every index form ever indexed, for the half-typed last word of a query: "cont" becomes the
-- words that start with it, each looked up directly (FTS5's own prefix query merges every
-- such word's whole list first, which costs ~100 ms for a common beginning at 1,000,000
-- articles; a prefix index would quadruple the cost of indexing).
CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
-- The stemmers the archive's articles went through ('en', 'ru', 'none'): a query is looked up
-- in the forms of each.
CREATE TABLE search_languages (language TEXT PRIMARY KEY) WITHOUT ROWID;

-- A stored article is indexed at the end of the transaction that stored it, all of a batch in
-- one statement (ArticleService, src/db/search-index-repository.ts): FTS5 writes its pending
-- index data out at every statement savepoint, and a trigger writing to the index from each
-- INSERT INTO articles made one tiny index segment per article (a quarter of the speed).
-- Articles added by hand in SQL wait here for the archive's next store or a reindex step.
CREATE TABLE search_pending (id INTEGER PRIMARY KEY);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT OR IGNORE INTO search_pending (id) VALUES (new.id);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  DELETE FROM search_pending WHERE id = old.id;
  DELETE FROM articles_fts WHERE rowid = old.id;
END;

-- An edit (rare) is re-indexed at once, unless the article is still waiting to be indexed.
CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, body, language ON articles
  WHEN (old.id IS NOT new.id OR old.title IS NOT new.title OR old.body IS NOT new.body
    OR old.language IS NOT new.language)
    AND NOT EXISTS (SELECT 1 FROM search_pending WHERE id = new.id)
BEGIN
  DELETE FROM articles_fts WHERE rowid = old.id;
  INSERT INTO articles_fts (rowid, title, body)
    SELECT new.id, search_text(new.title, lang), search_text(new.body, lang)
    FROM (SELECT search_language(new.language, new.title, new.body) AS lang);
  INSERT OR IGNORE INTO search_terms (term) SELECT term FROM search_fresh_terms;
  INSERT OR IGNORE INTO search_languages (language) SELECT language FROM search_fresh_languages;
END;

-- Re-indexing the articles stored before this migration. The newest 20,000 are indexed
-- here and now (seconds); older ones, newest first, by the bot in the background or by
-- `npm run cli -- reindex` (src/search/reindex.ts), which walk `next_id` down to 0.
CREATE TABLE search_reindex (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  next_id INTEGER NOT NULL,
  -- The highest id when re-indexing began, for the progress shown.
  from_id INTEGER NOT NULL
);

INSERT INTO articles_fts (rowid, title, body)
  SELECT id, search_text(title, lang), search_text(body, lang)
  FROM (SELECT id, title, body, search_language(language, title, body) AS lang FROM articles
        WHERE id > (SELECT coalesce(max(id), 0) - 20000 FROM articles));
INSERT OR IGNORE INTO search_terms (term) SELECT term FROM search_fresh_terms;
INSERT OR IGNORE INTO search_languages (language) SELECT language FROM search_fresh_languages;

INSERT INTO search_reindex (id, next_id, from_id)
  SELECT 1, max(id) - 20000, max(id) FROM articles HAVING max(id) > 20000;
