import { stemmer as russianStem } from "@orama/stemmers/russian";
import { stem as englishStem } from "porter2";

/**
 * How a word is written into the search index and looked up again: lower case, ё as е,
 * Latin accents and stress marks dropped, then cut to its Snowball stem (Porter2 for
 * English, Snowball Russian) so that "улице" and "улицей" both become "улиц".
 *
 * Languages whose stemmer we have; any other language's words are only folded.
 */
export type StemmedLanguage = "en" | "ru";
/** The stemmer an article's text went through: a language we stem, or none. */
export type IndexLanguage = StemmedLanguage | "none";
export const INDEX_LANGUAGES: readonly IndexLanguage[] = ["en", "ru", "none"];

const LATIN_WORD = /^[a-z]+$/;
const CYRILLIC_WORD = /^[а-я]+$/;
/**
 * Combining marks are dropped except those that make a different Cyrillic letter
 * (й, ў, ї): Latin accents (café = cafe) and stress marks (доро́га) are not part of a word.
 */
const DROPPED_MARKS = /(?<![иуИУ])\u0306|(?<![іІ])\u0308|[\u0300-\u0305\u0307\u0309-\u036f]/g;

/** `word` (lower case) with ё as е and accents dropped: the form an unstemmed word is indexed in. */
export function foldWord(word: string): string {
  let yo = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    // Plain Latin and Russian letters (most words) need nothing but ё → е.
    if (c < 128 || (c >= 0x430 && c <= 0x44f)) continue;
    if (c === 0x451) {
      yo = true;
      continue;
    }
    return word.normalize("NFD").replace(DROPPED_MARKS, "").normalize("NFC").replace(/ё/g, "е");
  }
  return yo ? word.replace(/ё/g, "е") : word;
}

/**
 * The index form of one folded word. Words in a script we stem go to that script's
 * stemmer whatever the article's language, so an English name in a Russian story and a
 * Russian word quoted in an English one are found by their own language's forms. Digits,
 * mixed-script words and other scripts are left as they are.
 */
export function stemFolded(folded: string): string {
  if (LATIN_WORD.test(folded)) return englishStem(folded);
  if (CYRILLIC_WORD.test(folded)) return russianStem(folded);
  return folded;
}

/** Index forms are remembered: news repeats its words, and stemming costs about 1 µs a word. */
const CACHE_LIMIT = 100_000;
const stemmedCache = new Map<string, string>();
const foldedCache = new Map<string, string>();

function remember(cache: Map<string, string>, word: string, form: string): string {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, form);
  return form;
}

/** The index form of a lower-case `word` from an article indexed as `language`. */
export function indexForm(word: string, language: IndexLanguage): string {
  if (language === "none") {
    return foldedCache.get(word) ?? remember(foldedCache, word, foldWord(word));
  }
  return stemmedCache.get(word) ?? remember(stemmedCache, word, stemFolded(foldWord(word)));
}

/**
 * Every form a reader's word (lower case) can have in an index holding articles of
 * `languages`: its stem, and the word itself where unstemmed articles are held.
 */
export function queryForms(word: string, languages: ReadonlySet<IndexLanguage>): string[] {
  const forms = new Set<string>();
  if (languages.has("en") || languages.has("ru") || languages.size === 0)
    forms.add(indexForm(word, "en"));
  if (languages.has("none")) forms.add(indexForm(word, "none"));
  return [...forms];
}
