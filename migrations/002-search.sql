-- Full-text search over the archive: an FTS5 index of articles' title and body.
--
-- unicode61 folds case and (remove_diacritics 2) Latin accents, porter stems English
-- (running → run). It does not fold Russian ё into е, so the index reads its text through
-- a view that does; queries fold the same way. The index keeps no copy of the text
-- (external content): snippets read the folded text back through the view.
CREATE VIEW articles_search_text AS
  SELECT id,
    replace(replace(title, 'ё', 'е'), 'Ё', 'Е') AS title,
    replace(replace(body, 'ё', 'е'), 'Ё', 'Е') AS body
  FROM articles;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body,
  content = 'articles_search_text',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The triggers hand the index exactly the folded values the view returns: an external
-- content index can only remove what it is told was indexed.
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, body) VALUES (
    new.id,
    replace(replace(new.title, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.body, 'ё', 'е'), 'Ё', 'Е'));
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete',
    old.id,
    replace(replace(old.title, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(old.body, 'ё', 'е'), 'Ё', 'Е'));
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, body ON articles
  WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.body IS NOT new.body
BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete',
    old.id,
    replace(replace(old.title, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(old.body, 'ё', 'е'), 'Ё', 'Е'));
  INSERT INTO articles_fts (rowid, title, body) VALUES (
    new.id,
    replace(replace(new.title, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.body, 'ё', 'е'), 'Ё', 'Е'));
END;

-- Search ranks a window of the newest matches by relevance and age: this covering index
-- gives each candidate's publication time without reading its (large) article row.
CREATE INDEX articles_id_published_at ON articles (id, published_at);

-- Articles stored before this migration.
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
