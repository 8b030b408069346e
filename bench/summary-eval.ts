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

/** Character budgets tried on dev, as multiples of the median reference length. */
const CHAR_FACTORS = Array.from({ length: 11 }, (_, i) => 0.75 + i * 0.125);

/** The budget that suits a dataset, chosen on its dev half only (best mean of R-1 and R-L). */
export function tuneBudget(dev: readonly SummaryPair[]): Budget {
  const referenceChars = median(dev.map((p) => p.referenceSentences.join(" ").length));
  const options: Budget[] = [
    { sentences: 1 },
    { sentences: 2 },
    { sentences: 3 },
    ...CHAR_FACTORS.map((f) => ({ maxChars: Math.round((referenceChars * f) / 10) * 10 })),
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

type Method = readonly [name: string, summarise: (pair: SummaryPair) => string[]];

/** Lead-3 (the baseline), ours at 3 sentences, and Lead and ours at the dev-tuned budget. */
function methodsFor(budget: Budget): Method[] {
  const methods: Method[] = [
    ["Lead-3 (baseline)", (p) => lead(p, { sentences: 3 })],
    ["ours @ 3 sent.", (p) => ours(p, { sentences: 3 })],
  ];
  if (!("sentences" in budget && budget.sentences === 3)) {
    methods.push([`Lead @ ${describe(budget)}`, (p) => lead(p, budget)]);
    methods.push([`ours @ ${describe(budget)} (tuned)`, (p) => ours(p, budget)]);
  }
  return methods;
}

/** Milliseconds for one summary of a 100,000-character article (median of a few runs). */
function timeLongArticle(pairs: readonly SummaryPair[]): number {
  let text = "";
  for (let i = 0; text.length < 100_000; i++) text += `${pairs[i % pairs.length]!.body}\n`;
  text = text.slice(0, 100_000);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    summarize(text, { sentences: 3 });
    runs.push(performance.now() - start);
  }
  return median(runs);
}

/** Prints Lead-3 and Lead at the tuned budget against the summariser, on dev and test halves. */
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
    "Budget for 'ours' chosen on the dev half only; 'Lead @' gets the same budget.",
    "",
    "| dataset | half | docs | method | sents/doc | chars/doc | R-1 | R-2 | R-L |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  const datasets = loadSummaryDatasets(folder);
  let summaries = 0;
  let summaryMs = 0;
  for (const dataset of datasets) {
    const { dev, test } = halves(dataset.pairs);
    const methods = methodsFor(tuneBudget(dev));
    for (const [half, pairs] of [
      ["dev", dev],
      ["test", test],
    ] as const) {
      for (const [name, method] of methods) {
        const timed = name.startsWith("ours");
        const start = performance.now();
        const outputs = new Map(pairs.map((p) => [p.id, method(p)]));
        if (timed) {
          summaryMs += performance.now() - start;
          summaries += pairs.length;
        }
        const score = scoreCorpus(pairs, (p) => outputs.get(p.id)!);
        lines.push(row(dataset.name, half, pairs.length, name, score));
      }
    }
  }
  const allPairs = datasets.flatMap((d) => d.pairs);
  lines.push(
    "",
    `summarize: ${(summaryMs / Math.max(1, summaries)).toFixed(2)} ms per corpus article; ` +
      `${timeLongArticle(allPairs).toFixed(0)} ms for a 100,000-char article.`,
  );
  console.log(lines.join("\n"));
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
