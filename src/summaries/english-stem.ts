/**
 * A light English suffix stemmer for comparing sentences, not a linguistic one: it only has
 * to make inflected forms of a word fall together ("elections"/"election", "flooded"/
 * "flooding"/"floods", "rated"/"rating"/"rate", "bodies"/"body", "club's"/"club").
 * Over-stemming is cheap here (two stems that collide rarely share a sentence by chance);
 * under-stemming only loses a match.
 */

const VOWEL = /[aeiouy]/;

/** Endings tried in order; the first that leaves a stem of at least `min` letters wins. */
const SUFFIXES: readonly (readonly [suffix: string, replacement: string, min: number])[] = [
  ["ational", "ate", 3],
  ["ization", "ize", 3],
  ["fulness", "ful", 3],
  ["iveness", "ive", 3],
  ["ousness", "ous", 3],
  ["ations", "ate", 3],
  ["ation", "ate", 3],
  ["nesses", "", 3],
  ["ness", "", 3],
  ["ments", "", 4],
  ["ment", "", 4],
  ["ingly", "", 3],
  ["edly", "", 3],
  ["ings", "", 3],
  ["ing", "", 3],
  ["ies", "y", 2],
  ["ied", "y", 2],
  ["ed", "", 3],
  ["ly", "", 4],
];

/** Drops a doubled final consonant left by "-ing"/"-ed" ("stopped" → "stop"), keeping ll, ss, zz. */
function undouble(stem: string): string {
  const last = stem[stem.length - 1];
  if (last && last === stem[stem.length - 2] && !/[lsz]/.test(last) && !VOWEL.test(last)) {
    return stem.slice(0, -1);
  }
  return stem;
}

/** The singular of a plural noun or the base of a third-person verb ("boxes", "tries", "runs"). */
function plural(w: string): string {
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:sses|xes|ches|shes|zzes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * The stem of a lower-cased English word. Words of three letters or fewer, and words
 * without a vowel, are returned unchanged.
 */
export function stemEnglish(word: string): string {
  let w = word.replace(/['’]s?$/, "");
  if (w.length <= 3 || !VOWEL.test(w)) return w;
  w = plural(w);
  for (const [suffix, replacement, min] of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (stem.length < min || !VOWEL.test(stem + replacement)) continue;
    w =
      suffix === "ing" || suffix === "ed" || suffix === "ings"
        ? undouble(stem)
        : stem + replacement;
    break;
  }
  // A final silent "e" goes, so "rate", "rated" and "rating" share "rat".
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}
