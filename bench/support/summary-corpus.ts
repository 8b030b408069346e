import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "htmlparser2";
import { rougeLsum, rougeN, splitSentences } from "../../src/summaries/index.js";

/** One article with its reference summary, as the summariser would be given it. */
export interface SummaryPair {
  readonly id: string;
  readonly title?: string;
  readonly body: string;
  readonly referenceSentences: readonly string[];
}

export interface SummaryDataset {
  readonly name: string;
  readonly pairs: readonly SummaryPair[];
}

export interface CorpusScore {
  readonly rouge1: number;
  readonly rouge2: number;
  readonly rougeL: number;
  readonly sentences: number;
  readonly chars: number;
}

const BLOCK_TAGS = new Set(["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"]);

/** Visible text of an HTML fragment, one line per block element, entities decoded. */
export function htmlToText(html: string): string {
  let text = "";
  const parser = new Parser({
    ontext: (chunk) => {
      text += chunk;
    },
    onclosetag: (name) => {
      if (BLOCK_TAGS.has(name)) text += "\n";
    },
  });
  parser.write(html);
  parser.end();
  return text.replace(/\u00a0/g, " ");
}

interface RawRecord {
  id: string;
  title?: string;
  article: string;
  summary: string;
  article_format?: string;
}

function toPair(record: RawRecord): SummaryPair {
  const isHtml = /html/i.test(record.article_format ?? "");
  let body = isHtml ? htmlToText(record.article) : record.article;
  let title: string | undefined;
  // BBC News Summary articles open with their headline line: hand it over as the title.
  if (record.title && body.startsWith(record.title)) {
    title = record.title;
    body = body.slice(record.title.length);
  }
  const referenceSentences = record.summary
    .split("\n")
    .flatMap((line) => splitSentences(line))
    .filter((s) => s.length > 0);
  return { id: record.id, title, body, referenceSentences };
}

/** Every *.jsonl file of the folder, in name order, each record mapped to a pair. */
export function loadSummaryDatasets(folder: string): SummaryDataset[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith(".jsonl"))
    .sort()
    .map((file) => ({
      name: file.replace(/\.jsonl$/, ""),
      pairs: readFileSync(join(folder, file), "utf8")
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => toPair(JSON.parse(line) as RawRecord)),
    }));
}

/** First half (dev, for tuning) and second half (test, for reporting). */
export function halves<T>(items: readonly T[]): { dev: T[]; test: T[] } {
  const middle = Math.ceil(items.length / 2);
  return { dev: items.slice(0, middle), test: items.slice(middle) };
}

/** Mean ROUGE F1 ×100 (R-L summary-level) of a method over pairs, with mean output size. */
export function scoreCorpus(
  pairs: readonly SummaryPair[],
  method: (pair: SummaryPair) => readonly string[],
): CorpusScore {
  let rouge1 = 0;
  let rouge2 = 0;
  let rougeL = 0;
  let sentences = 0;
  let chars = 0;
  for (const pair of pairs) {
    const output = method(pair);
    const candidate = output.join("\n");
    const reference = pair.referenceSentences.join("\n");
    rouge1 += rougeN(candidate, reference, 1).f1;
    rouge2 += rougeN(candidate, reference, 2).f1;
    rougeL += rougeLsum(output, pair.referenceSentences).f1;
    sentences += output.length;
    chars += candidate.length;
  }
  const n = Math.max(1, pairs.length);
  return {
    rouge1: (100 * rouge1) / n,
    rouge2: (100 * rouge2) / n,
    rougeL: (100 * rougeL) / n,
    sentences: sentences / n,
    chars: chars / n,
  };
}
