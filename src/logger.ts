import { type Logger, pino } from "pino";
import type { LogLevel } from "./config.js";

export type { Logger };

/** Structured JSON logs on stdout. The bot token is redacted wherever it could appear. */
export function createLogger(level: LogLevel, token?: string, fd: 1 | 2 = 1): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ["token", "botToken", "*.token", "*.botToken"], censor: "[redacted]" },
      hooks: {
        logMethod(args, method) {
          if (!token) return method.apply(this, args);
          const scrubbed = args.map((a) =>
            typeof a === "string" ? a.split(token).join("[redacted]") : a,
          );
          return method.apply(this, scrubbed as Parameters<typeof method>);
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
