import type { Config } from "../config.js";
import { createLogger } from "../logger.js";
import { EXIT_BAD_CONFIG } from "../startup.js";
import { SANDBOX_DATABASE, startSandbox } from "./start-sandbox.js";

/** The block printed when the sandbox is up: where to look, what it is, how to go live. */
export function sandboxBanner(url: string, databasePath: string): string {
  return [
    "",
    "  Newsroom sandbox: the whole newsroom on this machine, without Telegram",
    "",
    `  Open ${url} in your browser (on first start it offers a sample newsroom).`,
    "  Nothing is sent to Telegram: the bot talks to a Bot API emulator that refuses what",
    "  Telegram refuses, and the web view shows the channel and a chat with the bot.",
    `  Its archive is ${databasePath} (never your live database). Stop with Ctrl+C.`,
    "",
    "  To go live: talk to @BotFather in Telegram (/newbot) for a token, put BOT_TOKEN=<token>,",
    "  CHANNEL_ID and ADMIN_IDS in .env (copy .env.example), make the bot an admin of your",
    "  channel, and run npm start again. npm run sandbox still opens this sandbox.",
    "",
  ].join("\n");
}

/**
 * Runs the sandbox until Ctrl+C / SIGTERM, then exits. Logs are kept to warnings so the
 * banner stays readable; LOG_LEVEL=debug (or info) shows everything.
 */
export async function runSandbox(config: Config): Promise<never> {
  const level = config.logLevel === "info" ? "warn" : config.logLevel;
  const logger = createLogger(level, undefined, 2);
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({ config, logger });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      process.stderr.write(
        `Port ${config.sandboxPort} is taken: set SANDBOX_PORT to a free port (example: SANDBOX_PORT=8081).\n`,
      );
      process.exit(EXIT_BAD_CONFIG);
    }
    throw error;
  }
  process.stdout.write(`${sandboxBanner(sandbox.url, SANDBOX_DATABASE)}\n`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise<never>(() => {});
}
