import { run } from "@grammyjs/runner";
import { type Bot, GrammyError } from "grammy";
import { ALLOWED_UPDATES } from "../bot/index.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { type Route, startHttpServer } from "./http-server.js";
import { StartupFailure } from "./startup-failure.js";
import type { TelegramStatus } from "./telegram-status.js";
import { createWebhookRoute } from "./webhook-route.js";

export interface ReceiveUpdatesOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any bot context fits
  readonly bot: Bot<any>;
  readonly config: Pick<Config, "webhook">;
  readonly status: TelegramStatus;
  readonly logger: Logger;
  /** More routes for the webhook server (health, when it shares the port). */
  readonly extraRoutes?: readonly Route[];
  /** How often webhook mode asks getWebhookInfo (reachability, delivery errors). Default 60 s. */
  readonly probeEveryMs?: number;
  /** Longest time a webhook request is held by a slow update. */
  readonly answerWithinMs?: number;
  /** Updates handled at once by long polling (the runner's default is 500). */
  readonly runnerConcurrency?: number;
}

export interface UpdateSource {
  readonly mode: "polling" | "webhook";
  /** True once setWebhook succeeded (webhook mode). */
  readonly webhookSet: boolean;
  /** The port the webhook server listens on (webhook mode). */
  readonly port?: number;
  /** Stops taking updates: ends the long poll, or closes the webhook server. */
  stop(): Promise<void>;
}

/**
 * Starts taking updates: long polling (after deleteWebhook, so a webhook left from an earlier
 * run does not block getUpdates) when WEBHOOK_URL is empty; otherwise the webhook server on
 * WEBHOOK_HOST:WEBHOOK_PORT, then setWebhook with the URL, the secret and the update types.
 * @throws StartupFailure when the port is taken or Telegram refuses the webhook.
 */
export async function receiveUpdates(options: ReceiveUpdatesOptions): Promise<UpdateSource> {
  const { bot, config, status, logger } = options;
  const webhook = config.webhook;
  if (!webhook) {
    await bot.api.deleteWebhook();
    const polling = startPolling(bot, options.runnerConcurrency);
    logger.info("taking updates by long polling");
    return { mode: "polling", webhookSet: false, stop: polling.stop };
  }

  const server = await startHttpServer({
    host: webhook.host,
    port: webhook.port,
    portVariable: "WEBHOOK_PORT",
    hostVariable: "WEBHOOK_HOST",
    logger,
    routes: [
      createWebhookRoute({
        bot,
        path: webhook.path,
        secret: webhook.secret,
        logger,
        onCall: () => status.webhookCalled(),
        ...(options.answerWithinMs ? { answerWithinMs: options.answerWithinMs } : {}),
      }),
      ...(options.extraRoutes ?? []),
    ],
  });
  try {
    await bot.api.setWebhook(webhook.url, {
      secret_token: webhook.secret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
  } catch (error) {
    await server.close();
    if (error instanceof GrammyError) {
      throw new StartupFailure(
        `Telegram refused WEBHOOK_URL=${webhook.url} (${error.error_code} ${error.description}). Use a public https URL that reaches this bot through your reverse proxy.`,
        2,
      );
    }
    throw error;
  }
  logger.info(
    { url: webhook.url, listen: `${webhook.host}:${server.port}` },
    "taking updates by webhook",
  );
  const probe = startWebhookProbe(bot, logger, options.probeEveryMs ?? 60_000);
  return {
    mode: "webhook",
    webhookSet: true,
    port: server.port,
    stop: async () => {
      clearInterval(probe);
      await server.close();
    },
  };
}

/**
 * Long polling with the bot's own update types, `concurrency` updates handled at once (the
 * runner's default is 500). The sandbox polls its emulator through this too.
 */
// biome-ignore lint/suspicious/noExplicitAny: any bot context fits
export function startPolling(bot: Bot<any>, concurrency?: number): { stop(): Promise<void> } {
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
    ...(concurrency ? { sink: { concurrency } } : {}),
  });
  return {
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
    },
  };
}

/**
 * A webhook bot may send nothing for hours, so nothing would notice Telegram being out of reach
 * (or failing to reach us): asks getWebhookInfo now and then, which the status transformer
 * watches, and logs Telegram's own last delivery error once per new error.
 */
// biome-ignore lint/suspicious/noExplicitAny: any bot context fits
function startWebhookProbe(bot: Bot<any>, logger: Logger, everyMs: number): NodeJS.Timeout {
  let lastErrorDate = 0;
  const timer = setInterval(() => {
    bot.api.getWebhookInfo().then(
      (info) => {
        if (info.last_error_date && info.last_error_date !== lastErrorDate) {
          lastErrorDate = info.last_error_date;
          logger.warn(
            { error: info.last_error_message, pending: info.pending_update_count },
            "Telegram could not deliver an update to the webhook",
          );
        }
      },
      () => undefined, // a network failure is counted by the status transformer
    );
  }, everyMs);
  timer.unref();
  return timer;
}
