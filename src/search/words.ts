/**
 * Words as the search index reads them: runs of letters, digits and combining marks.
 * A hand-written scan with a per-character cache: a Unicode-class regex over every
 * article's text costs about twice as much, and storing articles is bounded by this.
 */
const WORD_UNIT = new Uint8Array(65536);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/** Width in UTF-16 units of the word character at `i` (1 or 2), or 0 for a separator. */
function wordWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  let kind = WORD_UNIT[c]!;
  if (kind === 0) {
    kind = WORD_CHAR.test(text[i]!) ? 1 : 2;
    WORD_UNIT[c] = kind;
  }
  return kind === 1 ? 1 : 0;
}

/** Calls `fn(start, end)` for each word of `text`, in order. */
export function scanWords(text: string, fn: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; ) {
    const width = i < text.length ? wordWidth(text, i) : 0;
    if (width > 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      fn(start, i);
      start = -1;
    }
    i += width || 1;
  }
}

/** Compatibility-normalised, lower case: ligatures and full-width forms become plain letters. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The words of `text`, normalised and lower case. */
export function wordsOf(text: string): string[] {
  const s = normaliseText(text);
  const words: string[] = [];
  scanWords(s, (start, end) => {
    words.push(s.slice(start, end));
  });
  return words;
}
