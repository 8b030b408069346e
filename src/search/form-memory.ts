/** Slots a memory starts with; it doubles as it fills, up to twice its word limit. */
const FIRST_SIZE = 1024;

/**
 * Remembered index forms, looked up by a word's place in a text rather than by the word:
 * the hash is taken while the text is scanned, and a remembered word is compared where it
 * stands, so a known word (nearly every word of an article) costs no new string and no
 * map lookup. Open addressing over a power-of-two table kept at most half full, linear
 * probing; past `limit` words the memory starts afresh.
 */
export function createFormMemory(limit: number) {
  /** Entry index + 1 per slot; 0 is empty. */
  let slots = new Int32Array(FIRST_SIZE);
  let mask = FIRST_SIZE - 1;
  const hashes: number[] = [];
  const words: string[] = [];
  const forms: string[] = [];

  function place(entry: number): void {
    let slot = hashes[entry]! & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = entry + 1;
  }

  function grow(): void {
    slots = new Int32Array(slots.length * 2);
    mask = slots.length - 1;
    for (let entry = 0; entry < words.length; entry++) place(entry);
  }

  return {
    /** The form remembered for `text`'s units [start, end) with hash `hash`, if any. */
    find(text: string, start: number, end: number, hash: number): string | undefined {
      const length = end - start;
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const entry = slots[slot]! - 1;
        if (entry < 0) return undefined;
        const word = words[entry]!;
        if (hashes[entry] === hash && word.length === length && text.startsWith(word, start))
          return forms[entry];
      }
    },

    /** Remembers `word` (hash `hash`) as `form`; true when the memory had to start afresh. */
    remember(word: string, hash: number, form: string): boolean {
      const restarted = words.length >= limit;
      if (restarted) {
        slots = new Int32Array(FIRST_SIZE);
        mask = FIRST_SIZE - 1;
        hashes.length = 0;
        words.length = 0;
        forms.length = 0;
      }
      hashes.push(hash);
      words.push(word);
      forms.push(form);
      if (words.length * 2 > slots.length) grow();
      else place(words.length - 1);
      return restarted;
    },
  };
}

export type FormMemory = ReturnType<typeof createFormMemory>;

/** FNV-1a over the UTF-16 units of `text` from `start` to `end`: how the memory files a word. */
export function hashOf(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
