/**
 * ROUGE-N and ROUGE-L F1 (Lin 2004), written for the summary benchmark and its tests.
 * Tokens: lower-cased runs of Unicode letters, marks and digits (Cyrillic included);
 * no stemming, no stop-word removal.
 */

export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Lower-cased word tokens: runs of letters, combining marks and digits. */
export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

function score(hits: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = candidateTotal > 0 ? hits / candidateTotal : 0;
  const recall = referenceTotal > 0 ? hits / referenceTotal : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function countNgrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(" ");
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const c of counts.values()) sum += c;
  return sum;
}

/** ROUGE-N: clipped n-gram overlap between a candidate and a reference text. */
export function rougeN(candidate: string, reference: string, n: number): RougeScore {
  const cand = countNgrams(rougeTokens(candidate), n);
  const ref = countNgrams(rougeTokens(reference), n);
  let hits = 0;
  for (const [gram, c] of cand) hits += Math.min(c, ref.get(gram) ?? 0);
  return score(hits, total(cand), total(ref));
}

/** Positions in `a` of one longest common subsequence of `a` and `b`. */
function lcsPositions(a: readonly string[], b: readonly string[]): number[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const positions: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      positions.push(i);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  return positions;
}

/** ROUGE-L over whole texts: one LCS between the two token sequences. */
export function rougeL(candidate: string, reference: string): RougeScore {
  const cand = rougeTokens(candidate);
  const ref = rougeTokens(reference);
  return score(lcsPositions(ref, cand).length, cand.length, ref.length);
}

function countTokens(sentences: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const t of s) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * Summary-level ROUGE-L ("ROUGE-Lsum"): for each reference sentence, the union of its LCS
 * hits against every candidate sentence; a token counts at most as often as it occurs in
 * both summaries. This is the R-L that CNN/DailyMail papers report.
 */
export function rougeLsum(
  candidateSentences: readonly string[],
  referenceSentences: readonly string[],
): RougeScore {
  const cand = candidateSentences.map(rougeTokens).filter((s) => s.length > 0);
  const ref = referenceSentences.map(rougeTokens).filter((s) => s.length > 0);
  const candLeft = countTokens(cand);
  const refLeft = countTokens(ref);
  const candidateTotal = cand.reduce((n, s) => n + s.length, 0);
  const referenceTotal = ref.reduce((n, s) => n + s.length, 0);
  let hits = 0;
  for (const refSentence of ref) {
    const union = new Set<number>();
    for (const candSentence of cand) {
      for (const p of lcsPositions(refSentence, candSentence)) union.add(p);
    }
    for (const p of [...union].sort((x, y) => x - y)) {
      const token = refSentence[p]!;
      const inCand = candLeft.get(token) ?? 0;
      const inRef = refLeft.get(token) ?? 0;
      if (inCand > 0 && inRef > 0) {
        hits++;
        candLeft.set(token, inCand - 1);
        refLeft.set(token, inRef - 1);
      }
    }
  }
  return score(hits, candidateTotal, referenceTotal);
}
