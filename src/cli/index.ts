import { config as loadDotenv } from "dotenv";
import { Api } from "grammy";
import { createTelegramGateway } from "../bot/telegram/telegram-gateway.js";
import { type Config, ConfigError, createConfig } from "../config.js";
import type { Db } from "../db/connection.js";
import { createLogger } from "../logger.js";
import { openArchive } from "../runtime/open-archive.js";
import { StartupFailure } from "../runtime/startup-failure.js";
import { createServices } from "../services.js";
import { EXIT_BAD_CONFIG } from "../startup.js";
import { type CliCommand, type CliContext, UsageError } from "./cli-context.js";
import { backupCommand } from "./commands/backup.js";
import { FEEDS_USAGE, feedsCommand, fetchCommand } from "./commands/feeds.js";
import { importCommand } from "./commands/import.js";
import { postCommand } from "./commands/post.js";
import { reindexCommand } from "./commands/reindex.js";
import { searchCommand } from "./commands/search.js";
import { statsCommand } from "./commands/stats.js";
import { summarizeCommand } from "./commands/summarize.js";

/** The command line waits this long for the bot's short writes (it answers nobody meanwhile). */
const CLI_BUSY_TIMEOUT_MS = 5000;

const COMMANDS: Record<string, { run: CliCommand; usage: string }> = {
  import: {
    run: importCommand,
    usage: "import [--queue] <file…>   text files shaped like the seed article, or JSON arrays",
  },
  feeds: {
    run: feedsCommand,
    usage: FEEDS_USAGE,
  },
  fetch: { run: fetchCommand, usage: "fetch                      poll every feed now" },
  search: {
    run: searchCommand,
    usage:
      "search [--limit N] [--all] <words>  ranked full-text search (--all: also not yet public)",
  },
  reindex: {
    run: reindexCommand,
    usage: "reindex                    finish indexing articles stored before word-form search",
  },
  summarize: {
    run: summarizeCommand,
    usage: "summarize [--sentences N] <file>  extractive summary of a text file",
  },
  post: {
    run: postCommand,
    usage: "post --dry-run             print exactly what the next queued post would send",
  },
  stats: { run: statsCommand, usage: "stats                      archive, queue and feed figures" },
  backup: {
    run: backupCommand,
    usage: "backup [--force] <path>    consistent online copy of the database",
  },
};

function usage(): string {
  return [
    "usage: npm run cli -- <command> [options]",
    "",
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
  ].join("\n");
}

/** Where the command line reads its settings and writes its output; the process's by default. */
export interface CliIo {
  readonly env: Record<string, string | undefined>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly interactive: boolean;
}

const processIo: CliIo = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
};

/** Runs one operator command; returns the process exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`${name ? `unknown command: ${name}\n\n` : ""}${usage()}\n`);
    return 2;
  }
  let config: Config;
  try {
    config = createConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`Configuration error:\n${error.message}\n`);
    return EXIT_BAD_CONFIG;
  }
  const logger = createLogger(
    config.logLevel === "info" ? "warn" : config.logLevel,
    config.botToken,
    2,
  );
  let db: Db;
  try {
    db = openArchive(config.databasePath, { busyTimeoutMs: CLI_BUSY_TIMEOUT_MS }).db;
  } catch (error) {
    // The same one-line reasons as `npm start` (a folder, not writable, not a database, newer).
    if (!(error instanceof StartupFailure)) throw error;
    io.stderr(`${error.message}\n`);
    return error.exitCode;
  }
  try {
    const ctx: CliContext = {
      // The command line never sends: its gateway exists only so the queue can be previewed.
      services: createServices(config, db, logger, {
        gateway: createTelegramGateway(
          new Api(config.botToken ?? "0:offline", { apiRoot: config.telegramApiRoot }),
        ),
      }),
      out: (line) => io.stdout(`${line}\n`),
      err: (line) => io.stderr(`${line}\n`),
      interactive: io.interactive,
    };
    return await command.run(args, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\nusage: npm run cli -- ${command.usage}\n`);
      return 2;
    }
    throw error;
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  loadDotenv({ quiet: true });
  process.exitCode = await runCli(process.argv.slice(2));
}
