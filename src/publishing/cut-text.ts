const sentenceSegmenters = new Map<string, Intl.Segmenter>();
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

function sentencesOf(text: string, language: string): string[] {
  let segmenter = sentenceSegmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
    sentenceSegmenters.set(language, segmenter);
  }
  return Array.from(segmenter.segment(text), (s) => s.segment);
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

/**
 * The leading part of one paragraph that fits `max` UTF-16 units: whole sentences when at least
 * one fits; else whole words; else (a paragraph with no spaces) whole graphemes, so an emoji or
 * a surrogate pair is never split. Trailing spaces are dropped. Empty when nothing fits.
 */
export function cutParagraph(text: string, max: number, language = "en"): string {
  if (max <= 0) return "";
  if (text.length <= max) return text;
  let kept = "";
  for (const sentence of sentencesOf(text, language)) {
    if ((kept + sentence).trimEnd().length > max) break;
    kept += sentence;
  }
  if (kept.trim() !== "") return kept.trimEnd();
  const head = cutAtGrapheme(text, max);
  const lastSpace = head.search(/\s\S*$/);
  return (lastSpace > 0 ? head.slice(0, lastSpace) : head).trimEnd();
}

/**
 * The leading paragraphs of a body that fit `max` units (joined by blank lines); the first
 * paragraph that does not fit contributes the sentences of it that do.
 */
export function cutParagraphs(paragraphs: readonly string[], max: number, language = "en"): string {
  let kept = "";
  for (const paragraph of paragraphs) {
    const separator = kept === "" ? "" : "\n\n";
    if (kept.length + separator.length + paragraph.length <= max) {
      kept += separator + paragraph;
      continue;
    }
    const part = cutParagraph(paragraph, max - kept.length - separator.length, language);
    if (part !== "") kept += separator + part;
    break;
  }
  return kept;
}
