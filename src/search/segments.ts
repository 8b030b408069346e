/** A piece of text from an article; `match` pieces are the words the reader searched for. */
export interface TextSegment {
  readonly text: string;
  readonly match: boolean;
}

function push(segments: TextSegment[], text: string, match: boolean): void {
  if (text === "") return;
  const last = segments.at(-1);
  if (last && last.match === match)
    segments[segments.length - 1] = { text: last.text + text, match };
  else segments.push({ text, match });
}

/** Plain text of segments, for places that cannot mark matches (e.g. inline descriptions). */
export function segmentsToText(segments: readonly TextSegment[]): string {
  return segments.map((s) => s.text).join("");
}

/** Default snippet length in characters, about two lines in a Telegram message. */
export const SNIPPET_CHARS = 200;
const LEAD_CHARS = 60;

/**
 * A window of about `size` characters of `segments` around the first match, cut at spaces,
 * with "…" where text was left out and line breaks turned into spaces.
 */
export function snippetOf(segments: readonly TextSegment[], size = SNIPPET_CHARS): TextSegment[] {
  const text = segmentsToText(segments);
  let firstMatch = -1;
  let offset = 0;
  for (const s of segments) {
    if (s.match) {
      firstMatch = offset;
      break;
    }
    offset += s.text.length;
  }
  let start = firstMatch <= LEAD_CHARS ? 0 : firstMatch - LEAD_CHARS;
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < firstMatch ? space + 1 : start;
  }
  let end = Math.min(text.length, start + size);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start + size / 2) end = space;
  }
  const out: TextSegment[] = [];
  if (start > 0) push(out, "…", false);
  offset = 0;
  for (const s of segments) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + s.text.length);
    if (from < to)
      push(out, s.text.slice(from - offset, to - offset).replace(/\s+/g, " "), s.match);
    offset += s.text.length;
  }
  if (end < text.length) push(out, "…", false);
  return out;
}
