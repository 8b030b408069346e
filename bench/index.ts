/**
 * `npm run bench`: every benchmark in one run, each printing its own table.
 * `npm run bench -- search summary` runs only the named ones.
 */
import { run as editorWait } from "./editor-wait.js";
import { run as feedParsers } from "./feed-parsers.js";
import { run as feedQuality } from "./feed-quality.js";
import { run as load } from "./load-bench.js";
import { run as publishing } from "./publish-bench.js";
import { run as readerCommands } from "./reader-commands.js";
import { run as search } from "./search-bench.js";
import { run as summary } from "./summary-eval.js";

const BENCHMARKS: Record<string, () => Promise<void>> = {
  search,
  summary,
  publishing,
  "reader-commands": readerCommands,
  "feed-parsers": feedParsers,
  "editor-wait": editorWait,
  "feed-quality": feedQuality,
  load,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  process.stderr.write(
    `unknown benchmark(s): ${unknown.join(", ")}; known: ${Object.keys(BENCHMARKS).join(", ")}\n`,
  );
  process.exit(2);
}
for (const [name, run] of Object.entries(BENCHMARKS)) {
  if (wanted.length && !wanted.includes(name)) continue;
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  await run();
  process.stdout.write(`(${name}: ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
