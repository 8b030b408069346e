import type { IndexLanguage } from "./word-forms.js";

/** Letters read to guess a language: a headline and the start of the text say enough. */
const SAMPLE_CHARS = 3000;
/** Letters only Ukrainian writes: a Cyrillic text with them is not Russian. */
const UKRAINIAN_ONLY = /[іїєґ]/i;

/**
 * The stemmer for an article's text: the language its source declares (`ru-RU` is `ru`),
 * else the one its letters show: mostly Cyrillic is Russian (Ukrainian when it has і, ї,
 * є or ґ), mostly Latin is English. Languages we have no stemmer for are indexed unstemmed.
 */
export function indexLanguageOf(
  declared: string | null | undefined,
  title: string,
  body: string,
): IndexLanguage {
  const code = declared?.trim().toLowerCase().split(/[-_]/)[0];
  if (code) return code === "en" || code === "ru" ? code : "none";
  return detectLanguage(`${title}\n${body.slice(0, SAMPLE_CHARS)}`);
}

/** English, Russian or neither, from the letters of `text`. */
export function detectLanguage(text: string): IndexLanguage {
  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lower = code | 0x20;
    if (lower >= 97 && lower <= 122) latin++;
    else if (code >= 0x400 && code <= 0x4ff) cyrillic++;
  }
  if (cyrillic > latin) return UKRAINIAN_ONLY.test(text) ? "none" : "ru";
  return latin > 0 ? "en" : "none";
}
