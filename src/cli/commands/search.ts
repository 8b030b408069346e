import { parseArgs } from "node:util";
import { createReindexer } from "../../search/reindex.js";
import type { TextSegment } from "../../search/segments.js";
import { type CliContext, UsageError } from "../cli-context.js";

/** Matched words in [brackets], for a terminal. */
const marked = (segments: readonly TextSegment[]) =>
  segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join("");

/**
 * `search [--limit N] [--all] <words>`: the same ranked search readers get from /search, over
 * public articles; `--all` includes what is not public yet (marked).
 */
export function searchCommand(args: string[], ctx: CliContext): number {
  const { values, positionals } = parseArgs({
    args,
    options: { limit: { type: "string", default: "10" }, all: { type: "boolean" } },
    allowPositionals: true,
  });
  const query = positionals.join(" ");
  if (query.trim() === "") throw new UsageError("search needs some words");
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50)
    throw new UsageError("--limit takes 1 to 50");
  const reindex = createReindexer(ctx.services.db).progress();
  if (!reindex.finished) {
    const percent = Math.floor((100 * reindex.done) / reindex.total);
    ctx.err(`older articles are still being re-indexed (${percent}%): run \`reindex\` to finish`);
  }
  const page = ctx.services.search.search(query, {
    limit,
    offset: 0,
    scope: values.all ? "all" : "public",
  });
  if (page.hits.length === 0) {
    ctx.out(
      page.terms.length
        ? `nothing found for: ${page.terms.join(" ")}`
        : "nothing searchable in that query",
    );
    return 0;
  }
  for (const hit of page.hits) {
    const date = new Date(hit.publishedAt).toISOString().slice(0, 10);
    const mark = hit.visibility === "private" ? "[not yet public] " : "";
    ctx.out(
      `#${hit.id} ${date} ${mark}${marked(hit.titleSegments)}${hit.url ? `\n    ${hit.url}` : ""}`,
    );
    ctx.out(`    ${marked(hit.snippet)}`);
  }
  if (page.hasMore) ctx.out(`… more results (use --limit)`);
  return 0;
}
