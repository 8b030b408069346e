import { AsyncLocalStorage } from "node:async_hooks";
import type { Context, Middleware, Transformer } from "grammy";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { PollResult } from "../feeds/feed-polling.js";
import type { ChannelGateway } from "../publishing/channel-gateway.js";

/** Commands counted by name; anything else a user types is "other", so labels stay few. */
const KNOWN_COMMANDS = new Set([
  "start",
  "help",
  "latest",
  "search",
  "summary",
  "language",
  "add",
  "new",
  "queue",
  "postnow",
  "pause",
  "resume",
  "addfeed",
  "feeds",
  "feed",
  "removefeed",
  "clearqueue",
  "stats",
  "cancel",
  "skip",
]);

export interface MetricsSources {
  /** Items waiting in the publication queue. */
  readonly queueLength: () => number;
  readonly articleCount: () => number;
  /** Size of the database in bytes. */
  readonly archiveBytes: () => number;
}

/** The command a message starts with (`/search@bot x` → "search"), or undefined. */
function commandOf(ctx: Context): string | undefined {
  const message = ctx.message ?? ctx.editedMessage;
  const entity = message?.entities?.[0];
  if (!message?.text || entity?.type !== "bot_command" || entity.offset !== 0) return undefined;
  const name = message.text.slice(1, entity.length).split("@")[0]!.toLowerCase();
  return KNOWN_COMMANDS.has(name) ? name : "other";
}

/**
 * The bot's Prometheus metrics (prom-client, on a registry of its own): updates, commands and
 * their latency, posts, Telegram's 429s and retries, feed fetches, the queue and the archive,
 * plus Node's process metrics. Each part is fed by a small hook installed in main.ts.
 */
export function createMetrics(sources: MetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const reg = { registers: [registry] };

  const updates = new Counter({
    name: "newsroom_updates_total",
    help: "Updates received from Telegram, by type",
    labelNames: ["type"],
    ...reg,
  });
  const commands = new Counter({
    name: "newsroom_command_replies_total",
    help: "Commands handled (answered), by command",
    labelNames: ["command"],
    ...reg,
  });
  const latency = new Histogram({
    name: "newsroom_command_duration_seconds",
    help: "Time from receiving a command to the end of its handling",
    labelNames: ["command"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    ...reg,
  });
  const posts = new Counter({
    name: "newsroom_posts_total",
    help: "Channel posts by outcome: sent, failed (after retries), edited, edit_failed",
    labelNames: ["outcome"],
    ...reg,
  });
  const rateLimited = new Counter({
    name: "newsroom_telegram_429_total",
    help: "Bot API answers 429 Too Many Requests",
    ...reg,
  });
  const retries = new Counter({
    name: "newsroom_telegram_retries_total",
    help: "Bot API requests sent again after a 429, a 5xx or a network failure",
    labelNames: ["method"],
    ...reg,
  });
  const feedFetches = new Counter({
    name: "newsroom_feed_fetches_total",
    help: "Feed fetches by outcome: ok, not_modified, failed",
    labelNames: ["outcome"],
    ...reg,
  });
  new Gauge({
    name: "newsroom_queue_length",
    help: "Items waiting in the publication queue",
    ...reg,
    collect() {
      this.set(sources.queueLength());
    },
  });
  new Gauge({
    name: "newsroom_archive_articles",
    help: "Articles stored in the archive",
    ...reg,
    collect() {
      this.set(sources.articleCount());
    },
  });
  new Gauge({
    name: "newsroom_archive_bytes",
    help: "Size of the SQLite database in bytes",
    ...reg,
    collect() {
      this.set(sources.archiveBytes());
    },
  });
  for (const outcome of ["sent", "failed", "edited", "edit_failed"]) posts.inc({ outcome }, 0);
  for (const outcome of ["ok", "not_modified", "failed"]) feedFetches.inc({ outcome }, 0);

  // One Bot API call through all its retries: the inner transformer counts attempts after the first.
  const call = new AsyncLocalStorage<{ attempts: number }>();

  return {
    registry,
    contentType: registry.contentType,
    /** The text of GET /metrics. */
    render: (): Promise<string> => registry.metrics(),

    /** Counts every update by type, and times and counts commands. Install first. */
    middleware: (async (ctx, next) => {
      const type = Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
      updates.inc({ type });
      const command = commandOf(ctx);
      if (!command) return next();
      const end = latency.startTimer({ command });
      try {
        await next();
      } finally {
        end();
        commands.inc({ command });
      }
    }) satisfies Middleware<Context>,

    /** Installed before the retrying transformers: sees each attempt (429s, retries). */
    innerTransformer: (async (prev, method, payload, signal) => {
      const current = call.getStore();
      if (current && current.attempts++ > 0) retries.inc({ method });
      const result = await prev(method, payload, signal);
      if (!result.ok && result.error_code === 429) rateLimited.inc();
      return result;
    }) satisfies Transformer,

    /** Installed after the retrying transformers: marks where one call starts. */
    outerTransformer: ((prev, method, payload, signal) =>
      call.run({ attempts: 0 }, () => prev(method, payload, signal))) satisfies Transformer,

    /** Counts channel posts sent, failed and edited as the gateway does them. */
    instrumentGateway(gateway: ChannelGateway): ChannelGateway {
      return {
        ...gateway,
        sendPost: async (chatId, post) => {
          try {
            const sent = await gateway.sendPost(chatId, post);
            posts.inc({ outcome: "sent" });
            return sent;
          } catch (error) {
            posts.inc({ outcome: "failed" });
            throw error;
          }
        },
        editPost: async (chatId, messageId, post) => {
          try {
            await gateway.editPost(chatId, messageId, post);
            posts.inc({ outcome: "edited" });
          } catch (error) {
            posts.inc({ outcome: "edit_failed" });
            throw error;
          }
        },
      };
    },

    /** Counts one feed poll's fetches by outcome. */
    recordFeedPolls(results: readonly PollResult[]): void {
      for (const r of results) feedFetches.inc({ outcome: r.status.replace("-", "_") });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
