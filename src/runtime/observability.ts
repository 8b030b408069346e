import type { Config } from "../config.js";
import type { Db } from "../db/connection.js";
import { createHealthRepository } from "../db/health-repository.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services.js";
import { createHealthRoute } from "./health-routes.js";
import { type Route, type RunningHttpServer, startHttpServer } from "./http-server.js";
import { createMetrics } from "./metrics.js";
import { checkReadiness } from "./readiness.js";
import { createTelegramStatus } from "./telegram-status.js";

/**
 * Metrics, Telegram's reachability and the health endpoints of one bot process, over its
 * database and services. `updates` tells readiness how updates arrive once that is known.
 */
export function createObservability(deps: {
  config: Config;
  db: Db;
  /** The services (built after this, since their gateway is instrumented by it). */
  services: () => Pick<Services, "articles" | "feeds" | "publishing">;
  logger: Logger;
}) {
  const { config, logger } = deps;
  const services = () => deps.services();
  const health = createHealthRepository(deps.db);
  const status = createTelegramStatus({ logger });
  const metrics = createMetrics({
    queueLength: () => health.queueLength(),
    articleCount: () => services().articles.count(),
    archiveBytes: () => health.archiveBytes(),
  });
  let updates: { mode: "polling" | "webhook"; webhookSet: boolean } | undefined;

  const healthRoute: Route = createHealthRoute({
    metrics,
    readiness: () =>
      checkReadiness({
        mode: updates?.mode ?? (config.webhook ? "webhook" : "polling"),
        health,
        telegram: () => status.snapshot(),
        paused: () => {
          const publishing = services().publishing;
          return publishing ? (publishing.queue.stats().paused ?? null) : undefined;
        },
        feeds: () => services().feeds.listFeeds(),
        webhookSet: () => updates?.webhookSet ?? false,
      }),
  });

  /** Whether health shares the webhook server (same host and port). */
  const sharesWebhookPort =
    config.health !== undefined &&
    config.webhook !== undefined &&
    config.health.port === config.webhook.port &&
    config.health.host === config.webhook.host;

  return {
    metrics,
    status,
    /** Routes to add to the webhook server when health shares its port. */
    webhookExtraRoutes: sharesWebhookPort ? [healthRoute] : [],
    updatesStarted(source: { mode: "polling" | "webhook"; webhookSet: boolean }): void {
      updates = source;
    },
    /** Starts the health server on HEALTH_HOST:HEALTH_PORT (unless off, or shared). */
    async startHealthServer(): Promise<RunningHttpServer | undefined> {
      if (!config.health || sharesWebhookPort) return undefined;
      const server = await startHttpServer({
        ...config.health,
        portVariable: "HEALTH_PORT",
        hostVariable: "HEALTH_HOST",
        routes: [healthRoute],
        logger,
      });
      logger.info({ listen: `${config.health.host}:${server.port}` }, "health endpoints served");
      return server;
    },
  };
}

export type Observability = ReturnType<typeof createObservability>;
