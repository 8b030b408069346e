import { existsSync } from "node:fs";
import { join } from "node:path";
import { summarize } from "../src/summaries/index.js";
import { candidateSentences } from "../src/summaries/summarize.js";
import { SHARED_FIXTURES } from "../tests/support/fixtures.js";
import {
  type CorpusScore,
  halves,
  loadSummaryDatasets,
  type SummaryPair,
  scoreCorpus,
} from "./support/summary-corpus.js";

/** A summary size: a sentence count, or a character budget. */
export type Budget = { readonly sentences: number } | { readonly maxChars: number };

const ALL = Number.MAX_SAFE_INTEGER;

function describe(budget: Budget): string {
  return "sentences" in budget ? `${budget.sentences} sent.` : `≤${budget.maxChars} chars`;
}

/** Lead baseline: the first story sentences (same splitter; datelines and furniture dropped). */
export function lead(pair: SummaryPair, budget: Budget): string[] {
  const sentences = candidateSentences(pair.body, pair.title, ALL);
  if ("sentences" in budget) return sentences.slice(0, budget.sentences);
  const chosen: string[] = [];
  let used = 0;
  for (const sentence of sentences) {
    const cost = sentence.length + (chosen.length > 0 ? 1 : 0);
    if (used + cost > budget.maxChars) break;
    chosen.push(sentence);
    used += cost;
  }
  return chosen.length > 0 || !sentences[0] ? chosen : [sentences[0].slice(0, budget.maxChars)];
}

/** The summariser under test, given the same budget and the headline when there is one. */
export function ours(pair: SummaryPair, budget: Budget): string[] {
  return summarize(pair.body, { ...budget, title: pair.title });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function mean(score: CorpusScore): number {
  return (score.rouge1 + score.rougeL) / 2;
}

/** The budget that suits a dataset, chosen on its dev half only. */
export function tuneBudget(dev: readonly SummaryPair[]): Budget {
  const referenceChars = median(dev.map((p) => p.referenceSentences.join(" ").length));
  const options: Budget[] = [
    { sentences: 1 },
    { sentences: 2 },
    { sentences: 3 },
    ...[0.75, 1, 1.25, 1.5].map((f) => ({ maxChars: Math.round((referenceChars * f) / 10) * 10 })),
  ];
  let best = options[0]!;
  let bestScore = -1;
  for (const budget of options) {
    const score = mean(scoreCorpus(dev, (p) => ours(p, budget)));
    if (score > bestScore) {
      best = budget;
      bestScore = score;
    }
  }
  return best;
}

function row(dataset: string, half: string, n: number, method: string, s: CorpusScore): string {
  const f = (x: number) => x.toFixed(2);
  return `| ${dataset} | ${half} | ${n} | ${method} | ${s.sentences.toFixed(2)} | ${Math.round(s.chars)} | ${f(s.rouge1)} | ${f(s.rouge2)} | ${f(s.rougeL)} |`;
}

/** Prints Lead-k against the summariser on every dataset's dev and test halves. */
export async function run(): Promise<void> {
  const folder = join(SHARED_FIXTURES, "summaries");
  if (!existsSync(folder)) {
    console.log(`summary-eval: fixtures not found at ${folder}; nothing to evaluate.`);
    return;
  }
  const lines = [
    "ROUGE F1 ×100; tokens = lower-cased Unicode letters/digits, no stemming;",
    "R-L = summary-level LCS (ROUGE-Lsum: union LCS per reference sentence).",
    "Lead-k = first k story sentences (datelines, bylines and page furniture dropped for both).",
    "Budget for 'ours' (and 'lead @ budget') chosen on the dev half only.",
    "",
    "| dataset | half | docs | method | sents/doc | chars/doc | R-1 | R-2 | R-L |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const dataset of loadSummaryDatasets(folder)) {
    const { dev, test } = halves(dataset.pairs);
    const budget = tuneBudget(dev);
    const oneLine = median(dev.map((p) => p.referenceSentences.length)) <= 1;
    const methods: [string, (p: SummaryPair) => string[]][] = [];
    const counts = oneLine ? [1, 3] : [3];
    for (const k of counts) {
      methods.push([`Lead-${k}`, (p) => lead(p, { sentences: k })]);
      methods.push([`ours @ ${k} sent.`, (p) => ours(p, { sentences: k })]);
    }
    if (!("sentences" in budget && counts.includes(budget.sentences))) {
      methods.push([`Lead @ ${describe(budget)}`, (p) => lead(p, budget)]);
      methods.push([`ours @ ${describe(budget)} (tuned)`, (p) => ours(p, budget)]);
    }
    for (const [half, pairs] of [
      ["dev", dev],
      ["test", test],
    ] as const) {
      for (const [name, method] of methods) {
        lines.push(row(dataset.name, half, pairs.length, name, scoreCorpus(pairs, method)));
      }
    }
  }
  console.log(lines.join("\n"));
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
