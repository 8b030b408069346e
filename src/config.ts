import { isIP } from "node:net";
import cron from "node-cron";
import { z } from "zod";

/** Validated, frozen settings of one running instance. Built once at start. */
export interface Config {
  readonly botToken: string | undefined;
  readonly channelId: string | undefined;
  readonly adminIds: readonly number[];
  readonly databasePath: string;
  readonly postSchedule: string;
  readonly postsPerRun: number;
  readonly feedSchedule: string;
  readonly timezone: string;
  readonly telegramApiRoot: string;
  readonly channelUrl: string | undefined;
  readonly postFooter: string;
  readonly allowPrivateFeeds: boolean;
  readonly logLevel: LogLevel;
  /** FEED_MAX_AGE in ms: feed items published longer ago are archived, not queued. */
  readonly feedMaxAgeMs: number;
  /** Port of the sandbox's web view, always bound to 127.0.0.1. */
  readonly sandboxPort: number;
  /** NODE_ENV=production: never fall back to the sandbox when the token is missing. */
  readonly production: boolean;
  /** Set when WEBHOOK_URL is: updates come by webhook instead of long polling. */
  readonly webhook: WebhookConfig | undefined;
  /** Set when HEALTH_PORT is: /healthz, /readyz and /metrics are served. */
  readonly health: ListenAddress | undefined;
}

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

export interface WebhookConfig extends ListenAddress {
  /** The public https URL Telegram calls (a reverse proxy forwards it to host:port). */
  readonly url: string;
  /** The URL's path: the only path the webhook server answers on. */
  readonly path: string;
  /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token on every call. */
  readonly secret: string;
}

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/** One wrong variable: which, what was wrong, and what a good value looks like. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
  readonly example: string;
}

/** Thrown by createConfig when one or more variables are invalid. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ConfigError";
  }
}

/** One line per problem: the variable, what is wrong, and a good example. */
export function formatProblem(p: ConfigProblem): string {
  return `${p.variable}: ${p.message} (example: ${p.example})`;
}

const EXAMPLES: Record<string, string> = {
  BOT_TOKEN: "BOT_TOKEN=123456789:AAF-example-token-from-BotFather",
  CHANNEL_ID: "CHANNEL_ID=@mynewsroom or CHANNEL_ID=-1001234567890",
  ADMIN_IDS: "ADMIN_IDS=12345678,87654321",
  DATABASE_PATH: "DATABASE_PATH=data/news.db",
  POST_SCHEDULE: 'POST_SCHEDULE="*/30 * * * *"',
  POSTS_PER_RUN: "POSTS_PER_RUN=1",
  FEED_SCHEDULE: 'FEED_SCHEDULE="*/10 * * * *"',
  TIMEZONE: "TIMEZONE=Europe/Moscow",
  TELEGRAM_API_ROOT: "TELEGRAM_API_ROOT=https://api.telegram.org",
  CHANNEL_URL: "CHANNEL_URL=https://t.me/mynewsroom",
  POST_FOOTER: 'POST_FOOTER="read more in our Telegram-channel"',
  ALLOW_PRIVATE_FEEDS: "ALLOW_PRIVATE_FEEDS=false",
  LOG_LEVEL: "LOG_LEVEL=info",
  FEED_MAX_AGE: "FEED_MAX_AGE=2d (or 36h, 90m)",
  SANDBOX_PORT: "SANDBOX_PORT=8080",
  WEBHOOK_URL: "WEBHOOK_URL=https://bot.example.com/telegram/webhook",
  WEBHOOK_HOST: "WEBHOOK_HOST=0.0.0.0",
  WEBHOOK_PORT: "WEBHOOK_PORT=8443",
  WEBHOOK_SECRET: "WEBHOOK_SECRET=<64 hex characters from: openssl rand -hex 32>",
  HEALTH_PORT: "HEALTH_PORT=9464",
  HEALTH_HOST: "HEALTH_HOST=127.0.0.1",
};

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Empty strings in .env mean "not set": `CHANNEL_URL=` falls back to its default. */
const optionalText = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === "" ? undefined : s))
  .optional();

function textWithDefault(fallback: string) {
  return optionalText.transform((s) => s ?? fallback);
}

function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function cronExpression(fallback: string) {
  return textWithDefault(fallback).refine(
    (expr) => {
      const fields = expr.split(/\s+/).length;
      return (fields === 5 || fields === 6) && cron.validate(expr);
    },
    { message: "is not a valid cron expression of 5 or 6 fields" },
  );
}

const DURATION_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `2d`, `36h`, `90m` → milliseconds; undefined for anything else (at most 365 days). */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})\s*([mhd])$/i.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * DURATION_UNITS[match[2]!.toLowerCase()]!;
  return ms > 0 && ms <= 365 * DURATION_UNITS.d! ? ms : undefined;
}

function isHost(host: string): boolean {
  return (
    isIP(host) !== 0 ||
    /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(
      host,
    )
  );
}

function listenHost(fallback: string) {
  return textWithDefault(fallback).refine(isHost, {
    message: "must be an IP address or a host name to listen on",
  });
}

const portNumber = (s: string) => /^\d{1,5}$/.test(s) && Number(s) >= 1 && Number(s) <= 65535;
const PORT_MESSAGE = "must be a port number from 1 to 65535";

const schema = z.object({
  BOT_TOKEN: optionalText.refine((t) => t === undefined || /^\d+:[A-Za-z0-9_-]{20,}$/.test(t), {
    message: "does not look like a bot token (digits, a colon, then letters)",
  }),
  CHANNEL_ID: optionalText.refine(
    (c) => c === undefined || /^(@[A-Za-z][A-Za-z0-9_]{3,31}|-100\d{5,})$/.test(c),
    {
      message: "must be @username or a numeric id starting with -100",
    },
  ),
  ADMIN_IDS: optionalText
    .transform((s) =>
      (s ?? "")
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== ""),
    )
    .refine((ids) => ids.every((id) => /^\d{1,15}$/.test(id)), {
      message: "must be comma-separated numeric Telegram user ids",
    })
    .transform((ids) => [...new Set(ids.map(Number))]),
  DATABASE_PATH: textWithDefault("data/news.db"),
  POST_SCHEDULE: cronExpression("*/30 * * * *"),
  POSTS_PER_RUN: textWithDefault("1")
    .refine((s) => /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 100, {
      message: "must be a whole number from 1 to 100",
    })
    .transform(Number),
  FEED_SCHEDULE: cronExpression("*/10 * * * *"),
  TIMEZONE: textWithDefault("UTC").refine(isValidTimezone, {
    message: "is not a known IANA time zone",
  }),
  TELEGRAM_API_ROOT: textWithDefault("https://api.telegram.org")
    .refine((u) => /^https?:\/\/[^\s/]+/.test(u) && URL.canParse(u), {
      message: "must be an http(s) URL",
    })
    .transform((u) => u.replace(/\/+$/, "")),
  CHANNEL_URL: optionalText.refine(
    (u) => u === undefined || (/^https?:\/\//.test(u) && URL.canParse(u)),
    {
      message: "must be an http(s) URL",
    },
  ),
  POST_FOOTER: textWithDefault("read more in our Telegram-channel").refine((s) => s.length <= 200, {
    message: "must be at most 200 characters",
  }),
  ALLOW_PRIVATE_FEEDS: textWithDefault("false")
    .transform((s) => s.toLowerCase())
    .refine((s) => ["true", "false", "1", "0", "yes", "no"].includes(s), {
      message: "must be true or false",
    })
    .transform((s) => s === "true" || s === "1" || s === "yes"),
  LOG_LEVEL: textWithDefault("info")
    .transform((s) => s.toLowerCase())
    .refine((s): s is LogLevel => (LOG_LEVELS as readonly string[]).includes(s), {
      message: `must be one of ${LOG_LEVELS.join(", ")}`,
    }),
  FEED_MAX_AGE: textWithDefault("2d")
    .refine((s) => parseDuration(s) !== undefined, {
      message: "must be a duration in minutes, hours or days (m, h, d), from 1m to 365d",
    })
    .transform((s) => parseDuration(s)!),
  SANDBOX_PORT: textWithDefault("8080")
    .refine((s) => /^\d{1,5}$/.test(s) && Number(s) >= 1 && Number(s) <= 65535, {
      message: "must be a port number from 1 to 65535",
    })
    .transform(Number),
  NODE_ENV: optionalText,
  WEBHOOK_URL: optionalText.refine(
    (u) => u === undefined || (/^https:\/\/[^\s/]+/i.test(u) && URL.canParse(u)),
    { message: "must be a public https URL (Telegram calls webhooks over https only)" },
  ),
  WEBHOOK_HOST: listenHost("0.0.0.0"),
  WEBHOOK_PORT: textWithDefault("8443")
    .refine(portNumber, { message: PORT_MESSAGE })
    .transform(Number),
  WEBHOOK_SECRET: optionalText.refine(
    (s) => s === undefined || (/^[A-Za-z0-9_-]+$/.test(s) && s.length >= 32 && s.length <= 256),
    {
      message:
        "must be 32 to 256 characters of A-Z, a-z, 0-9, _ or - (make one with: openssl rand -hex 32)",
    },
  ),
  HEALTH_PORT: optionalText
    .refine((s) => s === undefined || portNumber(s), { message: PORT_MESSAGE })
    .transform((s) => (s === undefined ? undefined : Number(s))),
  HEALTH_HOST: listenHost("127.0.0.1"),
});

/**
 * Parses and validates the environment into a frozen Config.
 * @throws ConfigError listing every invalid variable (not just the first).
 */
function problem(variable: string, message: string): ConfigProblem {
  return { variable, message, example: EXAMPLES[variable] ?? "see .env.example" };
}

export function createConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  const problems = (parsed.success ? [] : parsed.error.issues).map((issue) =>
    problem(String(issue.path[0] ?? "configuration"), issue.message),
  );
  // Checked apart from the schema so it is reported together with every other problem.
  if (env.WEBHOOK_URL?.trim() && !env.WEBHOOK_SECRET?.trim()) {
    problems.push(
      problem(
        "WEBHOOK_SECRET",
        "is required when WEBHOOK_URL is set (make one with: openssl rand -hex 32)",
      ),
    );
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const v = parsed.data;
  const channelUrl =
    v.CHANNEL_URL ??
    (v.CHANNEL_ID?.startsWith("@") ? `https://t.me/${v.CHANNEL_ID.slice(1)}` : undefined);
  return Object.freeze({
    botToken: v.BOT_TOKEN,
    channelId: v.CHANNEL_ID,
    adminIds: Object.freeze(v.ADMIN_IDS),
    databasePath: v.DATABASE_PATH,
    postSchedule: v.POST_SCHEDULE,
    postsPerRun: v.POSTS_PER_RUN,
    feedSchedule: v.FEED_SCHEDULE,
    timezone: v.TIMEZONE,
    telegramApiRoot: v.TELEGRAM_API_ROOT,
    channelUrl,
    postFooter: v.POST_FOOTER,
    allowPrivateFeeds: v.ALLOW_PRIVATE_FEEDS,
    logLevel: v.LOG_LEVEL as LogLevel,
    feedMaxAgeMs: v.FEED_MAX_AGE,
    sandboxPort: v.SANDBOX_PORT,
    production: v.NODE_ENV === "production",
    webhook:
      v.WEBHOOK_URL !== undefined && v.WEBHOOK_SECRET !== undefined
        ? Object.freeze({
            url: v.WEBHOOK_URL,
            path: new URL(v.WEBHOOK_URL).pathname,
            secret: v.WEBHOOK_SECRET,
            host: v.WEBHOOK_HOST,
            port: v.WEBHOOK_PORT,
          })
        : undefined,
    health:
      v.HEALTH_PORT !== undefined
        ? Object.freeze({ host: v.HEALTH_HOST, port: v.HEALTH_PORT })
        : undefined,
  });
}
