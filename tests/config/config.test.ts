import { describe, expect, it } from "vitest";
import { ConfigError, createConfig } from "../../src/config.js";

function problemsOf(env: Record<string, string>): string[] {
  try {
    createConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split("\n");
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("fills every default of the design's table", () => {
    const config = createConfig({});
    expect(config).toMatchObject({
      botToken: undefined,
      channelId: undefined,
      adminIds: [],
      databasePath: "data/news.db",
      postSchedule: "*/30 * * * *",
      postsPerRun: 1,
      feedSchedule: "*/10 * * * *",
      timezone: "UTC",
      telegramApiRoot: "https://api.telegram.org",
      channelUrl: undefined,
      postFooter: "read more in our Telegram-channel",
      allowPrivateFeeds: false,
      logLevel: "info",
      feedMaxAgeMs: 2 * 86_400_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("parses a full, valid environment", () => {
    const config = createConfig({
      BOT_TOKEN: "123456789:AAFabcdefghijklmnopqrstuvwxyz012345",
      CHANNEL_ID: "@daily_news",
      ADMIN_IDS: " 111, 222 ,111",
      POST_SCHEDULE: "0 */15 * * * *",
      POSTS_PER_RUN: "3",
      TIMEZONE: "Europe/Moscow",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      ALLOW_PRIVATE_FEEDS: "true",
      LOG_LEVEL: "DEBUG",
    });
    expect(config.adminIds).toEqual([111, 222]);
    expect(config.channelUrl).toBe("https://t.me/daily_news");
    expect(config.telegramApiRoot).toBe("http://127.0.0.1:8081");
    expect(config.postsPerRun).toBe(3);
    expect(config.allowPrivateFeeds).toBe(true);
    expect(config.logLevel).toBe("debug");
  });

  it("keeps an explicit CHANNEL_URL and treats empty values as unset", () => {
    const config = createConfig({
      CHANNEL_ID: "-1001234567890",
      CHANNEL_URL: "https://t.me/+invite",
      TIMEZONE: "",
    });
    expect(config.channelUrl).toBe("https://t.me/+invite");
    expect(config.timezone).toBe("UTC");
    expect(createConfig({ CHANNEL_ID: "-1001234567890" }).channelUrl).toBeUndefined();
  });

  it("reports every wrong variable on its own line with an example", () => {
    const lines = problemsOf({
      CHANNEL_ID: "mychannel",
      ADMIN_IDS: "12,abc",
      POST_SCHEDULE: "every minute",
      FEED_SCHEDULE: "* * *",
      POSTS_PER_RUN: "0",
      TIMEZONE: "Mars/Olympus",
      TELEGRAM_API_ROOT: "ftp://x",
      ALLOW_PRIVATE_FEEDS: "maybe",
      LOG_LEVEL: "loud",
      BOT_TOKEN: "not a token",
    });
    const variables = lines.map((line) => line.split(":")[0]);
    expect(variables.sort()).toEqual(
      [
        "ADMIN_IDS",
        "ALLOW_PRIVATE_FEEDS",
        "BOT_TOKEN",
        "CHANNEL_ID",
        "FEED_SCHEDULE",
        "LOG_LEVEL",
        "POSTS_PER_RUN",
        "POST_SCHEDULE",
        "TELEGRAM_API_ROOT",
        "TIMEZONE",
      ].sort(),
    );
    for (const line of lines) expect(line).toMatch(/\(example: [A-Z_]+=/);
  });

  it("reads FEED_MAX_AGE in minutes, hours or days and explains a bad one", () => {
    expect(createConfig({ FEED_MAX_AGE: "90m" }).feedMaxAgeMs).toBe(90 * 60_000);
    expect(createConfig({ FEED_MAX_AGE: "36h" }).feedMaxAgeMs).toBe(36 * 3_600_000);
    expect(createConfig({ FEED_MAX_AGE: "7D" }).feedMaxAgeMs).toBe(7 * 86_400_000);
    for (const bad of ["2 weeks", "0d", "-1h", "1.5d", "400d"]) {
      expect(problemsOf({ FEED_MAX_AGE: bad })).toEqual([
        "FEED_MAX_AGE: must be a duration in minutes, hours or days (m, h, d), from 1m to 365d (example: FEED_MAX_AGE=2d (or 36h, 90m))",
      ]);
    }
  });

  it("reads the sandbox's port, 8080 by default, and refuses one that is not a port", () => {
    expect(createConfig({}).sandboxPort).toBe(8080);
    expect(createConfig({ SANDBOX_PORT: "9090" }).sandboxPort).toBe(9090);
    expect(problemsOf({ SANDBOX_PORT: "80000" })).toEqual([
      "SANDBOX_PORT: must be a port number from 1 to 65535 (example: SANDBOX_PORT=8080)",
    ]);
    expect(problemsOf({ SANDBOX_PORT: "web" })[0]).toMatch(/^SANDBOX_PORT: /);
  });

  it("knows a production run from NODE_ENV", () => {
    expect(createConfig({ NODE_ENV: "production" }).production).toBe(true);
    expect(createConfig({}).production).toBe(false);
  });

  it("accepts 6-field cron expressions with seconds and refuses 7 fields", () => {
    expect(createConfig({ POST_SCHEDULE: "*/5 * * * * *" }).postSchedule).toBe("*/5 * * * * *");
    expect(problemsOf({ POST_SCHEDULE: "0 0 * * * * 2026" })[0]).toMatch(/^POST_SCHEDULE: /);
  });

  describe("running in production", () => {
    const SECRET = "f".repeat(64);

    it("is long polling with no health server by default", () => {
      const config = createConfig({});
      expect(config.webhook).toBeUndefined();
      expect(config.health).toBeUndefined();
    });

    it("reads the webhook settings, with the listen address defaults and the URL's path", () => {
      const config = createConfig({
        WEBHOOK_URL: "https://bot.example.com/telegram/hook",
        WEBHOOK_SECRET: SECRET,
      });
      expect(config.webhook).toEqual({
        url: "https://bot.example.com/telegram/hook",
        path: "/telegram/hook",
        secret: SECRET,
        host: "0.0.0.0",
        port: 8443,
      });
      const health = createConfig({ HEALTH_PORT: "9464" }).health;
      expect(health).toEqual({ host: "127.0.0.1", port: 9464 });
      expect(createConfig({ HEALTH_PORT: "9464", HEALTH_HOST: "0.0.0.0" }).health?.host).toBe(
        "0.0.0.0",
      );
    });

    it("says how to make a secret when it is missing or too short, with every other problem", () => {
      expect(
        problemsOf({
          WEBHOOK_URL: "http://bot.example.com/hook",
          WEBHOOK_PORT: "0",
          HEALTH_PORT: "http",
          HEALTH_HOST: "not a host!",
          TIMEZONE: "Mars/Base",
        }),
      ).toEqual([
        "TIMEZONE: is not a known IANA time zone (example: TIMEZONE=Europe/Moscow)",
        "WEBHOOK_URL: must be a public https URL (Telegram calls webhooks over https only) (example: WEBHOOK_URL=https://bot.example.com/telegram/webhook)",
        "WEBHOOK_PORT: must be a port number from 1 to 65535 (example: WEBHOOK_PORT=8443)",
        "HEALTH_PORT: must be a port number from 1 to 65535 (example: HEALTH_PORT=9464)",
        "HEALTH_HOST: must be an IP address or a host name to listen on (example: HEALTH_HOST=127.0.0.1)",
        "WEBHOOK_SECRET: is required when WEBHOOK_URL is set (make one with: openssl rand -hex 32) (example: WEBHOOK_SECRET=<64 hex characters from: openssl rand -hex 32>)",
      ]);
      expect(
        problemsOf({ WEBHOOK_URL: "https://bot.example.com/hook", WEBHOOK_SECRET: "short" }),
      ).toEqual([
        "WEBHOOK_SECRET: must be 32 to 256 characters of A-Z, a-z, 0-9, _ or - (make one with: openssl rand -hex 32) (example: WEBHOOK_SECRET=<64 hex characters from: openssl rand -hex 32>)",
      ]);
      expect(
        problemsOf({ WEBHOOK_URL: "https://x.example/h", WEBHOOK_SECRET: `${"a".repeat(40)}!` }),
      ).toHaveLength(1);
    });
  });
});
