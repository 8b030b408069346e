import type { Db } from "../db/connection.js";
import { createSearchIndexRepository } from "../db/search-index-repository.js";
import { indexFormsOf } from "./index-functions.js";

/** What of an article the search index reads. */
export interface IndexedText {
  readonly title: string;
  readonly body: string;
  /** The language its source declared, if any. */
  readonly language: string | null;
}

/**
 * Indexes what the archive stores, in the transaction that stores it. Each new article's
 * words are turned into index forms here, in JavaScript, rather than read back through the
 * search_text() SQL function the triggers use for articles written by hand (same forms, same
 * memory, without copying every text out of SQLite and back).
 *
 * The forms are written when the transaction's articles are all stored (`finish`): once the
 * index holds unsaved data, every later statement that opens a savepoint (an INSERT INTO
 * articles, whose trigger lists it as pending) makes FTS5 write it out as a segment of its
 * own, which made storing six times slower.
 */
export function createArticleIndexer(db: Db) {
  const forms = indexFormsOf(db);
  const repo = createSearchIndexRepository(db);
  /** Articles added in this transaction, by id: their forms, to be written by `finish`. */
  let waiting = new Map<number, readonly [title: string, body: string]>();

  function formsOf(article: IndexedText): readonly [string, string] {
    const language = forms.languageOf(article.language, article.title, article.body);
    return [forms.formsOf(article.title, language), forms.formsOf(article.body, language)];
  }

  return {
    /** Turns article `id` into index forms, to be written by `finish`. */
    add(id: number, article: IndexedText): void {
      waiting.set(id, formsOf(article));
    },
    /**
     * Article `id` was changed: if it was added in this transaction, its forms are taken again
     * from the new text (the edit trigger leaves an article not indexed yet to its indexer).
     */
    changed(id: number, article: IndexedText): void {
      if (waiting.has(id)) waiting.set(id, formsOf(article));
    },
    /**
     * Writes the index forms of the articles added, the vocabulary met, and indexes anything
     * else still pending (articles written by hand in SQL); returns how many of those.
     * Call before the transaction that stored them ends.
     */
    finish(): number {
      const rows = [...waiting].map(([id, [title, body]]) => [id, title, body] as const);
      waiting = new Map();
      repo.indexForms(rows);
      return repo.indexPending();
    },
    /** Forgets articles added but not written (their transaction failed). */
    discard(): void {
      waiting = new Map();
    },
  };
}

export type ArticleIndexer = ReturnType<typeof createArticleIndexer>;
