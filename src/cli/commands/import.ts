import { setImmediate as yieldToOthers } from "node:timers/promises";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import type { ArticleInput } from "../../articles/article.js";
import { retryWhileBusy } from "../../db/busy.js";
import {
  type ImportEntry,
  ImportFileError,
  readImportFile,
} from "../../import/read-import-file.js";
import { type CliContext, UsageError } from "../cli-context.js";

/**
 * Articles per transaction: small enough that the bot beside us waits well under its busy
 * timeout for the write lock (about 0.1 s per batch), large enough to keep the import fast.
 */
const BATCH = 200;
const SHOW_BAR_FROM = 200;
/** From this many new articles on, the search index is merged after the import. */
const OPTIMIZE_FROM = 10_000;

/** `import [--queue] <file…>`: stores articles from text or JSON files, in batched transactions. */
export async function importCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { queue: { type: "boolean" } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError("import needs at least one file");
  const { config, articles, publishing } = ctx.services;
  if (values.queue && !publishing) {
    ctx.err("--queue needs CHANNEL_ID: the queue belongs to a channel");
    return 2;
  }
  const options = { timezone: config.timezone, footerLines: [config.postFooter] };

  const entries: ImportEntry[] = [];
  let unreadable = 0;
  for (const file of positionals) {
    try {
      entries.push(...readImportFile(file, options));
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      ctx.err(`skipped ${error.message}`);
      unreadable++;
    }
  }

  const counts = { created: 0, duplicate: 0, updated: 0, invalid: 0, queued: 0 };
  const problems: string[] = [];
  const bar =
    ctx.interactive && entries.length >= SHOW_BAR_FROM
      ? new cliProgress.SingleBar(
          { format: "importing [{bar}] {value}/{total} articles" },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(entries.length, 0);

  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH);
    const readable = batch.filter((e): e is ImportEntry & { ok: true } => e.ok);
    for (const e of batch) if (!e.ok) problems.push(`${e.where}: ${e.reason}`);
    // Queued stories are private until the channel has them; archived ones public at once.
    const visibility = values.queue ? "private" : "public";
    const inputs = readable.map((e): ArticleInput => ({ ...e.input, visibility }));
    // A batch is one IMMEDIATE transaction: when the bot holds the lock past our busy timeout,
    // the batch changed nothing and is simply tried again.
    const results = await retryWhileBusy(() => articles.storeMany(inputs), { maxWaitMs: 120_000 });
    results.forEach((result, i) => {
      if (result.status === "invalid") {
        problems.push(`${readable[i]!.where}: ${result.reason}`);
        return;
      }
      counts[result.status]++;
      if (values.queue && result.status === "created") {
        if (publishing?.queue.enqueue(result.article.id).status === "queued") counts.queued++;
      }
    });
    bar?.update(Math.min(start + BATCH, entries.length));
    await yieldToOthers();
  }
  bar?.stop();
  if (counts.created >= OPTIMIZE_FROM) {
    ctx.err("merging the search index after a large import…");
    await ctx.services.search.optimizeIndex();
  }

  counts.invalid = problems.length;
  for (const p of problems.slice(0, 20)) ctx.err(`refused ${p}`);
  if (problems.length > 20) ctx.err(`… and ${problems.length - 20} more refused`);
  ctx.out(
    `imported: ${counts.created} new, ${counts.updated} updated, ${counts.duplicate} already in the archive, ${counts.invalid} refused` +
      (values.queue ? `, ${counts.queued} queued` : "") +
      (unreadable ? `; ${unreadable} file(s) unreadable` : ""),
  );
  return problems.length || unreadable ? 1 : 0;
}
