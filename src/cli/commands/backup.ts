import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../../db/connection.js";
import { createLeaseRepository } from "../../db/lease-repository.js";
import { type CliContext, UsageError } from "../cli-context.js";

/** `backup [--force] <path>`: a consistent copy of the live database through SQLite's backup API. */
export async function backupCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { force: { type: "boolean" } },
    allowPositionals: true,
  });
  const target = positionals[0];
  if (!target || positionals.length > 1)
    throw new UsageError("backup needs exactly one target path");
  const { config, db } = ctx.services;
  if (resolve(target) === resolve(config.databasePath)) {
    ctx.err("refused: the backup path is the live database itself");
    return 1;
  }
  if (existsSync(target) && !values.force) {
    ctx.err(`refused: ${target} exists (use --force to overwrite)`);
    return 1;
  }
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const progress = await db.backup(target);
  // The copy must not look held by the running bot: a bot started on a restored copy takes it.
  const copy = openDatabase(target);
  try {
    createLeaseRepository(copy).clear();
  } finally {
    copy.close();
  }
  ctx.out(`backed up ${progress.totalPages} pages to ${target}`);
  return 0;
}
