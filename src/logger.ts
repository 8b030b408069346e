import { type Logger, pino } from "pino";
import type { LogLevel } from "./config.js";

export type { Logger };

/**
 * Structured JSON logs on stdout. Every secret (the bot token, the webhook secret) is replaced
 * in the finished line, so it cannot leak through an error message, a stack or a URL.
 */
export function createLogger(
  level: LogLevel,
  secrets?: string | readonly (string | undefined)[],
  fd: 1 | 2 = 1,
): Logger {
  const hidden = (typeof secrets === "string" ? [secrets] : (secrets ?? [])).filter(
    (s): s is string => typeof s === "string" && s !== "",
  );
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ["token", "botToken", "*.token", "*.botToken"], censor: "[redacted]" },
      hooks: {
        streamWrite(line) {
          let out = line;
          for (const secret of hidden) out = out.split(secret).join("[redacted]");
          return out;
        },
      },
    },
    pino.destination({ fd, sync: true }),
  );
}

/** A logger that drops everything; for tests and the CLI's quiet mode. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
