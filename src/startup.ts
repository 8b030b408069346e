import { config as loadDotenv } from "dotenv";
import { type Config, ConfigError, createConfig } from "./config.js";

/** Exit code for a configuration the program cannot start with. */
export const EXIT_BAD_CONFIG = 2;

/**
 * Reads `.env` (without overriding the real environment) and validates it. On invalid
 * values prints one line per problem to stderr and exits with code 2: no stack trace.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  loadDotenv({ quiet: true });
  try {
    return createConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `Configuration error${error.problems.length > 1 ? "s" : ""}:\n${error.message}\n`,
    );
    process.exit(EXIT_BAD_CONFIG);
  }
}

/** What to tell an operator who starts the bot without a token. */
export const MISSING_TOKEN_HELP = [
  "BOT_TOKEN is not set, so the bot cannot talk to Telegram.",
  "Get a token: open Telegram, talk to @BotFather, send /newbot and follow the steps; it answers with a token like 123456789:AAF...",
  `Put it in ${process.cwd()}/.env as a line BOT_TOKEN=<your token> (copy .env.example to .env to start), then run npm start again.`,
].join("\n");
