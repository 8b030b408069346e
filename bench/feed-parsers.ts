/**
 * Feed-parser bake-off: runs each candidate library over every file in the shared feed corpus
 * (../shared/fixtures/feeds) and prints, per candidate, files parsed / failed cleanly / crashed,
 * items found against the items the files hold, items with a title and a link, the HTML page
 * rejected or not, and the time for one pass over the corpus.
 *
 * Every candidate gets the same input: the bytes decoded by our own decoder (gzip, BOM,
 * charset), since that is what the feed module hands the parser in production.
 *
 * Only the winner stays installed. To compare again:
 *   npm install --no-save rss-parser @extractus/feed-extractor feedparser @rowanmanning/feed-parser
 *   npx tsx bench/feed-parsers.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseDocument } from "htmlparser2";
import { decodeFeedBytes } from "../src/feeds/decode-feed-bytes.js";
import { hasSharedFixtures, SHARED_FIXTURES } from "../tests/support/fixtures.js";

interface FoundItem {
  readonly title?: unknown;
  readonly link?: unknown;
}

/** The few fields of a candidate's entry that the table counts. */
type Entry = { title?: unknown; link?: unknown; url?: unknown; links?: Array<{ href?: unknown }> };

type XmlNode = { type: string; name?: string; children?: XmlNode[] };

type Candidate = {
  readonly name: string;
  readonly load: () => Promise<(text: string) => Promise<FoundItem[]>>;
};

// Specifiers kept in variables so the benchmark still typechecks once the losers are uninstalled.
// biome-ignore lint/suspicious/noExplicitAny: candidates are loaded untyped so this file survives their removal
async function importOptional(specifier: string): Promise<any> {
  return import(specifier);
}

const CANDIDATES: Candidate[] = [
  {
    name: "feedsmith",
    load: async () => {
      const { parseFeed } = await importOptional("feedsmith");
      return async (text) => {
        const { format, feed } = parseFeed(text);
        if (format === "json")
          return (feed.items ?? []).map((i: Entry) => ({ title: i.title, link: i.url }));
        if (format === "atom") {
          return (feed.entries ?? []).map((e: Entry) => ({
            title: e.title,
            link: e.links?.[0]?.href,
          }));
        }
        return (feed.items ?? []).map((i: Entry) => ({ title: i.title, link: i.link }));
      };
    },
  },
  {
    name: "@extractus/feed-extractor",
    load: async () => {
      const { extractFromXml, extractFromJson } = await importOptional("@extractus/feed-extractor");
      return async (text) => {
        const trimmed = text.trimStart();
        const feed = trimmed.startsWith("{") ? extractFromJson(trimmed) : extractFromXml(text);
        return feed.entries ?? [];
      };
    },
  },
  {
    name: "@rowanmanning/feed-parser",
    load: async () => {
      const { parseFeed } = await importOptional("@rowanmanning/feed-parser");
      return async (text) =>
        parseFeed(text).items.map((i: Entry) => ({ title: i.title, link: i.url }));
    },
  },
  {
    name: "rss-parser",
    load: async () => {
      const { default: Parser } = await importOptional("rss-parser");
      const parser = new Parser();
      return async (text) => (await parser.parseString(text)).items ?? [];
    },
  },
  {
    name: "feedparser",
    load: async () => {
      const { default: FeedParser } = await importOptional("feedparser");
      return (text) =>
        new Promise((resolve, reject) => {
          const items: FoundItem[] = [];
          const stream = new FeedParser({});
          stream.on("error", reject);
          stream.on("readable", () => {
            for (let item = stream.read(); item; item = stream.read()) items.push(item);
          });
          stream.on("end", () => resolve(items));
          stream.end(text);
        });
    },
  },
];

interface CorpusFile {
  readonly path: string;
  readonly text: string;
  /** Items the file holds, counted with a lenient XML tokenizer (or JSON.parse). */
  readonly expected: number;
}

function countItems(text: string): number {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) {
    const items = (JSON.parse(trimmed) as { items?: unknown[] }).items;
    return Array.isArray(items) ? items.length : 0;
  }
  let n = 0;
  const visit = (node: XmlNode): void => {
    if (node.type === "tag" && (node.name === "item" || node.name === "entry")) n++;
    for (const child of node.children ?? []) visit(child);
  };
  visit(parseDocument(text, { xmlMode: true }) as unknown as XmlNode);
  return n;
}

function loadCorpus(root: string): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(join(root, dir.name)).sort()) {
      const text = decodeFeedBytes(readFileSync(join(root, dir.name, name)));
      files.push({ path: `${dir.name}/${name}`, text, expected: countItems(text) });
    }
  }
  return files;
}

const isCrash = (e: unknown) =>
  !(e instanceof Error) ||
  e instanceof TypeError ||
  e instanceof RangeError ||
  e instanceof ReferenceError;

const nonEmpty = (v: unknown) =>
  typeof v === "string" ? v.trim() !== "" : typeof v === "object" && v !== null;

async function measure(candidate: Candidate, corpus: CorpusFile[]): Promise<string[]> {
  let parse: (text: string) => Promise<FoundItem[]>;
  try {
    parse = await candidate.load();
  } catch {
    return [candidate.name, "not installed", "", "", "", "", "", "", ""];
  }
  let parsed = 0;
  let failed = 0;
  let crashed = 0;
  let items = 0;
  let titled = 0;
  let linked = 0;
  let htmlRejected = "no";
  const crashes: string[] = [];
  for (const file of corpus) {
    try {
      const found = await parse(file.text);
      parsed++;
      items += found.length;
      titled += found.filter((i) => nonEmpty(i.title)).length;
      linked += found.filter((i) => nonEmpty(i.link)).length;
    } catch (error) {
      if (file.path.includes("not_a_feed")) htmlRejected = "yes";
      if (isCrash(error)) {
        crashed++;
        crashes.push(file.path);
      } else failed++;
    }
  }
  const rounds = 3;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const file of corpus) await parse(file.text).catch(() => undefined);
  }
  const ms = (performance.now() - start) / rounds;
  const expected = corpus.reduce((sum, f) => sum + f.expected, 0);
  return [
    candidate.name,
    String(parsed),
    String(failed),
    crashed ? `${crashed} (${crashes.join(", ")})` : "0",
    `${items}/${expected}`,
    String(titled),
    String(linked),
    htmlRejected,
    ms.toFixed(0),
  ];
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length)));
  for (const row of rows)
    console.log(`| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`);
}

export async function run(): Promise<void> {
  if (!hasSharedFixtures) {
    console.log(`feed-parsers: skipped, no corpus at ${SHARED_FIXTURES}`);
    return;
  }
  const corpus = loadCorpus(join(SHARED_FIXTURES, "feeds"));
  console.log(`feed-parsers: ${corpus.length} files from ${join(SHARED_FIXTURES, "feeds")}`);
  const header = [
    "parser",
    "parsed",
    "failed",
    "crashed",
    "items/expected",
    "titled",
    "linked",
    "html rejected",
    "ms/pass",
  ];
  const rows = [header];
  for (const candidate of CANDIDATES) rows.push(await measure(candidate, corpus));
  printTable(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
