import type { Db } from "../db/connection.js";
import { indexLanguageOf } from "./language.js";
import { INDEX_LANGUAGES, type IndexLanguage, indexForm } from "./word-forms.js";
import { wordsOf } from "./words.js";

/**
 * Words whose index form this connection remembers, with the form already recorded for the
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
 * Registers the SQL functions the search index's triggers (migrations/008) call, so that
 * every way an article is written, by the archive or by hand in SQL, indexes it the same:
 * - `search_language(language, title, body)`: the stemmer for the article ('en', 'ru', 'none');
 * - `search_text(text, language)`: the text's words as index forms, space-separated;
 * - `search_fresh_terms`, `search_fresh_languages`: the forms and stemmers met by
 *   search_text since they were last read and not seen before on this connection, for the
 *   vocabulary tables.
 * Each word's form is remembered per connection and language, and a remembered word's form
 * is known to be in the vocabulary already: one map lookup per word of text. A form first
 * met in a transaction that was then rolled back is only missing from the half-typed-word
 * vocabulary until the memory starts afresh or the archive is re-indexed.
 */
export function registerSearchFunctions(db: Db): void {
  const knownTerms = new Set<string>();
  const words: Record<IndexLanguage, Map<string, string>> = {
    en: new Map(),
    ru: new Map(),
    none: new Map(),
  };
  const knownLanguages = new Set<string>();
  let freshTerms: string[] = [];
  let freshLanguages: string[] = [];

  db.function("search_language", (declared: unknown, title: unknown, body: unknown) => {
    const language = indexLanguageOf(
      typeof declared === "string" ? declared : null,
      String(title ?? ""),
      String(body ?? ""),
    );
    if (!knownLanguages.has(language)) {
      knownLanguages.add(language);
      freshLanguages.push(language);
    }
    return language;
  });

  db.function("search_text", (text: unknown, language: unknown) => {
    const lang = asLanguage(language);
    const seen = words[lang];
    const textWords = wordsOf(String(text ?? ""));
    const forms: string[] = new Array(textWords.length);
    for (let i = 0; i < textWords.length; i++) {
      const word = textWords[i]!;
      let form = seen.get(word);
      if (form === undefined) {
        form = indexForm(word, lang);
        if (seen.size >= WORDS_LIMIT) {
          seen.clear();
          knownTerms.clear();
        }
        seen.set(word, form);
        if (!knownTerms.has(form)) {
          knownTerms.add(form);
          freshTerms.push(form);
        }
      }
      forms[i] = form;
    }
    return forms.join(" ");
  });

  db.table("search_fresh_terms", {
    columns: ["term"],
    *rows() {
      const terms = freshTerms;
      freshTerms = [];
      for (const term of terms) yield [term];
    },
  });

  db.table("search_fresh_languages", {
    columns: ["language"],
    *rows() {
      const languages = freshLanguages;
      freshLanguages = [];
      for (const language of languages) yield [language];
    },
  });
}
