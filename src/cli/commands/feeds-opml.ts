import { readFileSync, writeFileSync } from "node:fs";
import { deskFor } from "../../bot/i18n/index.js";
import { MAX_OPML_BYTES, OpmlError, readOpml, writeOpml } from "../../feeds/opml.js";
import { importOpmlEntries } from "../../feeds/opml-import.js";
import type { CliContext } from "../cli-context.js";

/** `feeds import file.opml`: adds each listed feed with the usual checks; says what became of each. */
export async function importOpmlFile(path: string, ctx: CliContext): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    ctx.err(`cannot read ${path}`);
    return 1;
  }
  let entries: ReturnType<typeof readOpml>;
  try {
    if (bytes.byteLength > MAX_OPML_BYTES) throw new OpmlError("too-large");
    entries = readOpml(bytes);
  } catch (error) {
    if (!(error instanceof OpmlError)) throw error;
    ctx.err(deskFor("en").opmlRefused(error.problem).replace(/^❌ /, "refused: "));
    return 1;
  }
  const outcomes = await importOpmlEntries(ctx.services.feeds, entries);
  for (const o of outcomes) {
    if (o.status === "added")
      ctx.out(`added   #${o.feed.id} ${o.url} (${o.created} new in the archive)`);
    else if (o.status === "present") ctx.out(`present #${o.feedId} ${o.url}`);
    else ctx.out(`refused ${o.url}: ${o.reason}`);
  }
  const count = (s: string) => outcomes.filter((o) => o.status === s).length;
  ctx.out(
    `${count("added")} added · ${count("present")} already present · ${count("refused")} refused`,
  );
  return count("refused") > 0 ? 1 : 0;
}

/** `feeds export [file]`: the feeds as OPML, to the file or to standard output. */
export function exportOpml(path: string | undefined, ctx: CliContext): number {
  const feeds = ctx.services.feeds.listFeeds();
  const opml = writeOpml(feeds, Date.now());
  if (path) {
    writeFileSync(path, opml);
    ctx.out(`wrote ${feeds.length} feeds to ${path}`);
  } else ctx.out(opml.trimEnd());
  return 0;
}
