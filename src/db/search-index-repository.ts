import type { Db } from "./connection.js";

/** Where re-indexing the articles stored before migrations/008 has got to. */
export interface ReindexState {
  /** Articles with ids up to this one are still to be indexed (0: none). */
  readonly nextId: number;
  /** The highest id when re-indexing began. */
  readonly fromId: number;
}

/**
 * SQL for (re)building the search index (migrations/008). The text is turned into index forms
 * by the connection's search_text() and search_language() functions, as the triggers do.
 */
export function createSearchIndexRepository(db: Db) {
  const state = db.prepare<[], { nextId: number; fromId: number }>(
    "SELECT next_id AS nextId, from_id AS fromId FROM search_reindex WHERE id = 1",
  );
  // Articles the triggers already indexed (stored or edited since) are left as they are.
  const indexRange = db.prepare<[number, number, number, number]>(
    `INSERT INTO articles_fts (rowid, title, body)
       SELECT id, search_text(title, lang), search_text(body, lang)
       FROM (SELECT id, title, body, search_language(language, title, body) AS lang
             FROM articles WHERE id > ? AND id <= ?
               AND id NOT IN (SELECT id FROM articles_fts_docsize WHERE id > ? AND id <= ?))`,
  );
  const addTerms = db.prepare(
    "INSERT OR IGNORE INTO search_terms (term) SELECT term FROM search_fresh_terms",
  );
  const addLanguages = db.prepare(
    "INSERT OR IGNORE INTO search_languages (language) SELECT language FROM search_fresh_languages",
  );
  const indexPending = db.prepare(
    `INSERT INTO articles_fts (rowid, title, body)
       SELECT id, search_text(title, lang), search_text(body, lang)
       FROM (SELECT id, title, body, search_language(language, title, body) AS lang
             FROM articles WHERE id IN (SELECT id FROM search_pending))`,
  );
  const clearPending = db.prepare("DELETE FROM search_pending");
  const insertForms = db.prepare<[number, string, string]>(
    "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
  );
  const unpend = db.prepare<[number]>("DELETE FROM search_pending WHERE id = ?");
  const moveTo = db.prepare<[number]>("UPDATE search_reindex SET next_id = ? WHERE id = 1");
  const finish = db.prepare("DELETE FROM search_reindex WHERE id = 1");

  return {
    /**
     * Indexes the articles stored since the last call and not indexed yet (the insert trigger
     * lists them), all in one statement, and records the vocabulary met; returns how many it
     * indexed. Call inside the transaction that stored them.
     */
    indexPending: (): number => {
      const { changes } = indexPending.run();
      // The vocabulary met since the last call, by this statement or by indexForms.
      addTerms.run();
      addLanguages.run();
      clearPending.run();
      return changes;
    },
    /**
     * Indexes articles whose index forms are already computed ([id, title forms, body forms]),
     * inside the transaction that stored them; they are no longer pending. All the pending
     * marks go first: a statement that opens a savepoint after the index got unsaved data
     * makes FTS5 write that data out (see src/search/article-indexer.ts).
     */
    indexForms: (rows: readonly (readonly [number, string, string])[]): void => {
      for (const [id] of rows) unpend.run(id);
      for (const [id, title, body] of rows) insertForms.run(id, title, body);
    },
    /** Re-indexing still to do, or undefined when the index is complete. */
    state: (): ReindexState | undefined => state.get(),
    /**
     * Indexes the articles with ids in (`fromId`, `toId`] that are not indexed yet and records
     * that everything above `fromId` is done. Returns how many it indexed.
     */
    indexRange: (fromId: number, toId: number): number => {
      const { changes } = indexRange.run(fromId, toId, fromId, toId);
      addTerms.run();
      addLanguages.run();
      if (fromId <= 0) finish.run();
      else moveTo.run(fromId);
      return changes;
    },
  };
}

export type SearchIndexRepository = ReturnType<typeof createSearchIndexRepository>;
