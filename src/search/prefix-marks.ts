import type { TextSegment } from "./segments.js";

/**
 * The half-typed last word is matched by FTS5 against every word in the index that starts
 * with it; doing that again for each headline check and highlight costs more than the whole
 * rest of a search for a short, common beginning ("cont"). So those words are found in the
 * text here instead, read the way the index reads them: runs of letters, digits and marks,
 * lower-cased, accents (and the ё diaeresis) dropped.
 */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** A word or beginning as the index compares it: lower case, without accents. */
export function plainWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Whether some word of `text` starts with `prefix` (already a plainWord). */
export function hasWordStarting(text: string, prefix: string): boolean {
  for (const m of text.matchAll(WORD)) if (plainWord(m[0]).startsWith(prefix)) return true;
  return false;
}

/** `segments` with every unmarked word starting with `prefix` (a plainWord) marked too. */
export function markWordsStarting(segments: readonly TextSegment[], prefix: string): TextSegment[] {
  const out: TextSegment[] = [];
  const add = (text: string, match: boolean) => {
    if (text === "") return;
    const last = out.at(-1);
    if (last && last.match === match) out[out.length - 1] = { text: last.text + text, match };
    else out.push({ text, match });
  };
  for (const s of segments) {
    if (s.match) {
      add(s.text, true);
      continue;
    }
    let at = 0;
    for (const m of s.text.matchAll(WORD)) {
      if (!plainWord(m[0]).startsWith(prefix)) continue;
      add(s.text.slice(at, m.index), false);
      add(m[0], true);
      at = m.index + m[0].length;
    }
    add(s.text.slice(at), false);
  }
  return out;
}
