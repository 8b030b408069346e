import type { Db } from "../db/connection.js";
import { createFormMemory, hashOf } from "./form-memory.js";
import { indexLanguageOf } from "./language.js";
import { INDEX_LANGUAGES, type IndexLanguage, indexForm } from "./word-forms.js";
import { normaliseText, scanWords, wordsOf } from "./words.js";

/**
 * Words whose index form a connection remembers, with the form already recorded for the
 * vocabulary; past this many the memory starts afresh.
 */
const WORDS_LIMIT = 200_000;

/** The index forms of `text`'s words, space-separated, for an article indexed as `language`. */
export function indexTextOf(text: string, language: IndexLanguage): string {
  return wordsOf(text)
    .map((word) => indexForm(word, language))
    .join(" ");
}

function asLanguage(value: unknown): IndexLanguage {
  return INDEX_LANGUAGES.includes(value as IndexLanguage) ? (value as IndexLanguage) : "none";
}

/**
 * One connection's way from text to index forms, remembering each word's form per language,
 * and the forms and stemmers met for the first time, for the vocabulary tables (a remembered
 * word's form is known to be in the vocabulary already: one look into the memory per word).
 * A form is reported once: if the transaction that stored it is rolled back after the
 * vocabulary was written (a caller's outer transaction around storeFeedItems), the form is
 * missing from the half-typed-word vocabulary until the memory starts afresh or the archive
 * is re-indexed.
 */
export function createIndexForms() {
  const knownTerms = new Set<string>();
  const memories = {
    en: createFormMemory(WORDS_LIMIT),
    ru: createFormMemory(WORDS_LIMIT),
    none: createFormMemory(WORDS_LIMIT),
  };
  const knownLanguages = new Set<string>();
  let freshTerms: string[] = [];
  let freshLanguages: string[] = [];

  return {
    /** The stemmer for an article (its declared language, else the one its letters show). */
    languageOf(declared: string | null, title: string, body: string): IndexLanguage {
      const language = indexLanguageOf(declared, title, body);
      if (!knownLanguages.has(language)) {
        knownLanguages.add(language);
        freshLanguages.push(language);
      }
      return language;
    },

    /** `text`'s words as index forms, space-separated (the same as indexTextOf). */
    formsOf(text: string, language: IndexLanguage): string {
      const memory = memories[language];
      const s = normaliseText(text);
      const forms: string[] = [];
      scanWords(s, (start, end) => {
        const hash = hashOf(s, start, end);
        let form = memory.find(s, start, end, hash);
        if (form === undefined) {
          const word = s.slice(start, end);
          form = indexForm(word, language);
          if (memory.remember(word, hash, form)) knownTerms.clear();
          if (!knownTerms.has(form)) {
            knownTerms.add(form);
            freshTerms.push(form);
          }
        }
        forms.push(form);
      });
      return forms.join(" ");
    },

    /** The forms met for the first time since the last call. */
    takeFreshTerms(): string[] {
      const terms = freshTerms;
      freshTerms = [];
      return terms;
    },

    /** The stemmers met for the first time since the last call. */
    takeFreshLanguages(): string[] {
      const languages = freshLanguages;
      freshLanguages = [];
      return languages;
    },
  };
}

export type IndexForms = ReturnType<typeof createIndexForms>;

const connections = new WeakMap<Db, IndexForms>();

/** The index forms `db`'s search functions use (registered by openDatabase). */
export function indexFormsOf(db: Db): IndexForms {
  let forms = connections.get(db);
  if (!forms) {
    forms = createIndexForms();
    connections.set(db, forms);
  }
  return forms;
}

/**
 * Registers the SQL functions the search index's triggers (migrations/008) call, so that
 * every way an article is written, by the archive or by hand in SQL, indexes it the same:
 * - `search_language(language, title, body)`: the stemmer for the article ('en', 'ru', 'none');
 * - `search_text(text, language)`: the text's words as index forms, space-separated;
 * - `search_fresh_terms`, `search_fresh_languages`: the forms and stemmers met for the first
 *   time on this connection since they were last read, for the vocabulary tables.
 * The archive itself computes the same forms without the round trip through SQL
 * (src/search/article-indexer.ts), with the same memory.
 */
export function registerSearchFunctions(db: Db): void {
  const forms = indexFormsOf(db);

  db.function("search_language", (declared: unknown, title: unknown, body: unknown) =>
    forms.languageOf(
      typeof declared === "string" ? declared : null,
      String(title ?? ""),
      String(body ?? ""),
    ),
  );

  db.function("search_text", (text: unknown, language: unknown) =>
    forms.formsOf(String(text ?? ""), asLanguage(language)),
  );

  db.table("search_fresh_terms", {
    columns: ["term"],
    *rows() {
      for (const term of forms.takeFreshTerms()) yield [term];
    },
  });

  db.table("search_fresh_languages", {
    columns: ["language"],
    *rows() {
      for (const language of forms.takeFreshLanguages()) yield [language];
    },
  });
}
