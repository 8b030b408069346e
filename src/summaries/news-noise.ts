/**
 * Sentences that are not part of the story: datelines, time lines, bylines and the page
 * furniture that scraped articles carry ("Share this with…", "read more in our Telegram-channel").
 */

const BOILERPLATE =
  /share this with|copy this link|scroll down for video|click here|follow us on|sign up for|read more in our telegram|(?:subscribe|join us) (?:to|on|in) (?:our )?telegram|подписывайтесь на|читайте (?:также|нас)|^(?:published|updated|last updated)\b/iu;

/** "9:58 23.02.2023 •", "23.02.2023, 09:58", "12:00 EST, 3 April 2014". */
const TIME_LINE =
  /^\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|[A-Z]{2,4})?[\s,]+)?\d{1,2}[./ ]\s*(?:\d{1,2}|\p{L}{3,})\.?[./ ]\s*\d{2,4}\b[^\p{L}]*$/iu;

/** "москва, 1 дек — риа новости." / "LONDON, Dec. 1 - Reuters." as a sentence of its own. */
const AGENCY_DATELINE =
  /^[^.!?\d]{2,40},\s*(?:\d{1,2}\s+\p{L}{3,}\.?|\p{L}{3,}\.?\s+\d{1,2})\s*(?:--|[—–-])\s*[^.!?]{2,30}[.!]?$/u;

/** "By Jane Doe", "By . Daily Mail Reporter .", "Автор: Иван Петров". */
const BYLINE = /^(?:by|от|автор:?)\s[\p{L}\s.'’-]{2,60}$/iu;

/** Leading "LONDON (Reuters) - ", "Kathmandu, Nepal (CNN)", "WASHINGTON — ". */
const DATELINE_PREFIXES = [
  /^[^()]{0,40}\((?:CNN|AP|AFP|Reuters|Bloomberg|BBC|UPI|РИА Новости|ТАСС|Интерфакс)\)\s*(?:--|[—–-])?\s*/iu,
  /^\p{Lu}{3,}(?:[ ,]+\p{Lu}[\p{L}.]*){0,3}\s*(?:--|[—–-])\s+/u,
];

function wordCount(sentence: string): number {
  return sentence.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** True for a sentence that is a dateline, time line or byline rather than news. */
export function isDateline(sentence: string): boolean {
  const words = wordCount(sentence);
  if (words === 0 || TIME_LINE.test(sentence)) return true;
  if (words <= 8 && AGENCY_DATELINE.test(sentence)) return true;
  return words <= 7 && BYLINE.test(sentence.replace(/\s*\.\s*/g, " ").trim());
}

/** True for page furniture: share buttons, calls to action, publication stamps. */
export function isBoilerplate(sentence: string): boolean {
  return BOILERPLATE.test(sentence);
}

/** The sentence without a leading dateline such as "LONDON (Reuters) - ". */
export function stripDatelinePrefix(sentence: string): string {
  for (const prefix of DATELINE_PREFIXES) {
    const rest = sentence.replace(prefix, "");
    if (rest !== sentence && wordCount(rest) >= 3) return rest;
  }
  return sentence;
}

/** Story sentences only: datelines, bylines and furniture dropped, dateline prefixes cut. */
export function storySentences(sentences: readonly string[]): string[] {
  return sentences.filter((s) => !isDateline(s) && !isBoilerplate(s)).map(stripDatelinePrefix);
}
