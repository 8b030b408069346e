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
  /** Longest time a webhook request is held by a slow update. */
  readonly answerWithinMs?: number;
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
    const runner = run(bot, {
      runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
    });
    logger.info("taking updates by long polling");
    return {
      mode: "polling",
      webhookSet: false,
      stop: async () => {
        if (runner.isRunning()) await runner.stop();
      },
    };
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
  return { mode: "webhook", webhookSet: true, port: server.port, stop: () => server.close() };
}
