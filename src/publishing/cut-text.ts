import { ALWAYS_CONTINUES } from "../summaries/abbreviations.js";

const sentenceSegmenters = new Map<string, Intl.Segmenter>();
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** "Dr." or "J." before a name, or a break before a lower-case word, is no sentence end. */
function runsOn(previous: string, next: string): boolean {
  if (/\n\s*$/.test(previous)) return false;
  const token = previous.trimEnd().split(/\s+/).at(-1) ?? "";
  if (/^[\s"“«'‘(]*\p{Ll}/u.test(next)) return true;
  if (!token.endsWith(".")) return false;
  const word = token.slice(0, -1).replace(/^[("“«'‘[]+/u, "");
  return ALWAYS_CONTINUES.has(word.toLowerCase()) || /^(?:\p{Lu}\.){0,2}\p{Lu}$/u.test(word);
}

/** The sentences of `text` as exact substrings (joined, they give `text` back). */
export function sentencesOf(text: string, language: string): string[] {
  let segmenter = sentenceSegmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
    sentenceSegmenters.set(language, segmenter);
  }
  const sentences: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const previous = sentences.at(-1);
    if (previous !== undefined && runsOn(previous, segment))
      sentences[sentences.length - 1] += segment;
    else sentences.push(segment);
  }
  return sentences;
}

/** The longest prefix of `text` of at most `max` UTF-16 units that ends between two graphemes. */
function cutAtGrapheme(text: string, max: number): string {
  let end = 0;
  for (const { index, segment } of graphemes.segment(text.slice(0, max + 16))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** The leading whole sentences of `text` that fit `max` units, trailing spaces dropped. */
function wholeSentences(text: string, max: number, language: string): string {
  let kept = "";
  for (const sentence of sentencesOf(text, language)) {
    if ((kept + sentence).trimEnd().length > max) break;
    kept += sentence;
  }
  return kept.trim() === "" ? "" : kept.trimEnd();
}

/** The leading whole words of `text` that fit `max` units; whole graphemes when it has no spaces. */
function wholeWords(text: string, max: number): string {
  const head = cutAtGrapheme(text, max);
  if (head.length === text.length) return head.trimEnd();
  const lastSpace = head.search(/\s\S*$/);
  return (lastSpace > 0 ? head.slice(0, lastSpace) : head).trimEnd();
}

/**
 * The leading part of one paragraph that fits `max` UTF-16 units: whole sentences when at least
 * one fits; else whole words; else (a paragraph with no spaces) whole graphemes, so an emoji or
 * a surrogate pair is never split. Trailing spaces are dropped. Empty when nothing fits.
 */
export function cutParagraph(text: string, max: number, language = "en"): string {
  if (max <= 0) return "";
  if (text.length <= max) return text;
  return wholeSentences(text, max, language) || wholeWords(text, max);
}

/**
 * The leading part of a body that fits `max` units, so the post reads as a finished text:
 * whole paragraphs (joined by blank lines), then whole sentences of the first paragraph that
 * does not fit. Words are cut only when not even the first sentence of the first paragraph
 * fits; a later paragraph that has no sentence short enough is dropped whole.
 */
export function cutParagraphs(paragraphs: readonly string[], max: number, language = "en"): string {
  let kept = "";
  for (const paragraph of paragraphs) {
    const separator = kept === "" ? "" : "\n\n";
    const room = max - kept.length - separator.length;
    if (paragraph.length <= room) {
      kept += separator + paragraph;
      continue;
    }
    const part =
      kept === ""
        ? cutParagraph(paragraph, room, language)
        : wholeSentences(paragraph, room, language);
    if (part !== "") kept += separator + part;
    break;
  }
  return kept;
}
