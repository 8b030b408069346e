import cliProgress from "cli-progress";
import { createReindexer } from "../../search/reindex.js";
import type { CliContext } from "../cli-context.js";

/** Articles per transaction: larger than the bot's steps, for speed. */
const BATCH = 5000;

/**
 * `reindex`: finishes indexing the articles stored before word-form search (migrations/008),
 * with a progress bar; safe while the bot runs (both take short turns at it).
 */
export async function reindexCommand(_args: string[], ctx: CliContext): Promise<number> {
  const reindexer = createReindexer(ctx.services.db);
  let p = reindexer.progress();
  if (p.finished) {
    reindexer.step(BATCH); // articles written in SQL by hand, if any
    ctx.out("the search index is complete: nothing to re-index");
    return 0;
  }
  const bar = ctx.interactive
    ? new cliProgress.SingleBar(
        { format: "re-indexing [{bar}] {percentage}% of article ids" },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const total = p.total;
  bar?.start(total, p.done);
  // Without a terminal, a line every tenth.
  let tenth = Math.floor((10 * p.done) / total);
  const started = Date.now();
  while (!p.finished) {
    p = reindexer.step(BATCH);
    const done = p.finished ? total : p.done;
    bar?.update(done);
    if (!bar && Math.floor((10 * done) / total) > tenth) {
      tenth = Math.floor((10 * done) / total);
      ctx.err(`re-indexing: ${tenth * 10}%`);
    }
  }
  bar?.stop();
  ctx.err("merging the search index…");
  await ctx.services.search.optimizeIndex();
  ctx.out(`search index complete (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return 0;
}
