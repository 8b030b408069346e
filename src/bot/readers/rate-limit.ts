import { limit } from "@grammyjs/ratelimiter";
import { Composer } from "grammy";
import { sendingAs } from "../../delivery/send-priority.js";
import type { BotContext } from "../context.js";
import { messagesFor } from "../i18n/index.js";

/** How many expensive requests one reader may make in a window. */
export interface RateLimitSettings {
  /** Commands (/search, /summary, /latest) and their paging buttons per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Inline queries per window: one arrives per pause in typing, so they get more room. */
  readonly inlineLimit: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = {
  limit: 8,
  windowMs: 20_000,
  inlineLimit: 40,
};

const EXPENSIVE_COMMANDS = ["search", "summary", "latest"];
const EXPENSIVE_BUTTONS = /^[sl]:/;

/**
 * Counters with a window per key that starts at the key's first hit, speaking the two
 * Redis calls @grammyjs/ratelimiter uses. Unlike the plugin's memory store (one shared
 * timer) it reads a clock it is given, so tests can move time.
 */
export function createCounterStore(now: () => number = Date.now) {
  const counters = new Map<string, { count: number; expiresAt: number }>();
  function sweep(at: number): void {
    for (const [key, c] of counters) if (c.expiresAt <= at) counters.delete(key);
  }
  return {
    async incr(key: string): Promise<number> {
      const at = now();
      if (counters.size > 10_000) sweep(at);
      const current = counters.get(key);
      const alive = current && current.expiresAt > at;
      const next = {
        count: alive ? current.count + 1 : 1,
        expiresAt: alive ? current.expiresAt : Infinity,
      };
      counters.set(key, next);
      return next.count;
    },
    async pexpire(key: string, ms: number): Promise<number> {
      const current = counters.get(key);
      if (!current) return 0;
      current.expiresAt = now() + ms;
      return 1;
    },
  };
}

/**
 * Per-reader limits on the expensive requests. A reader over the limit gets one polite
 * "slow down" per window (not one per message); further messages in that window are
 * dropped. Buttons and inline queries over the limit still get their required answer.
 * Other readers are counted apart and are not affected.
 */
export function createReaderRateLimit(
  settings: RateLimitSettings = DEFAULT_RATE_LIMIT,
  now: () => number = Date.now,
): Composer<BotContext> {
  const store = createCounterStore(now);
  const byReader = (ctx: BotContext) => ctx.from?.id.toString();
  const limiter = new Composer<BotContext>();

  limiter.filter(
    (ctx) => ctx.message !== undefined && ctx.hasCommand(EXPENSIVE_COMMANDS),
    limit<BotContext, typeof store>({
      timeFrame: settings.windowMs,
      limit: settings.limit,
      storageClient: store,
      keyPrefix: "c:",
      keyGenerator: byReader,
      // A notice waits behind every real answer: under load it is the first thing to delay.
      onLimitExceeded: async (ctx) => {
        await sendingAs("notice", () => ctx.reply(messagesFor(ctx.locale).slowDown));
      },
    }),
  );
  limiter.filter(
    (ctx) => EXPENSIVE_BUTTONS.test(ctx.callbackQuery?.data ?? ""),
    limit<BotContext, typeof store>({
      timeFrame: settings.windowMs,
      limit: settings.limit,
      storageClient: store,
      keyPrefix: "c:",
      keyGenerator: byReader,
      alwaysReply: true,
      onLimitExceeded: async (ctx) => {
        await ctx.answerCallbackQuery({ text: messagesFor(ctx.locale).slowDownShort });
      },
    }),
  );
  limiter.on(
    "inline_query",
    limit<BotContext, typeof store>({
      timeFrame: settings.windowMs,
      limit: settings.inlineLimit,
      storageClient: store,
      keyPrefix: "i:",
      keyGenerator: byReader,
      alwaysReply: true,
      onLimitExceeded: async (ctx) => {
        await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true });
      },
    }),
  );
  return limiter;
}
