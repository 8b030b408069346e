import type { HealthRepository } from "../db/health-repository.js";
import type { Feed } from "../feeds/feed.js";
import type { PauseInfo } from "../publishing/pause-state.js";
import type { TelegramStatusSnapshot } from "./telegram-status.js";

export interface ReadinessDeps {
  readonly mode: "polling" | "webhook";
  readonly health: HealthRepository;
  readonly telegram: () => TelegramStatusSnapshot;
  /** Whether scheduled publishing is paused (undefined: no CHANNEL_ID, nothing to publish). */
  readonly paused: () => PauseInfo | null | undefined;
  readonly feeds: () => readonly Feed[];
  /** Webhook: whether setWebhook succeeded at start. */
  readonly webhookSet: () => boolean;
  readonly now?: () => number;
  /** A getUpdates older than this (unanswered or last answered) is not "recent". Default 90 s. */
  readonly updatesMaxAgeMs?: number;
}

export interface ReadinessReport {
  readonly ready: boolean;
  /** Why not ready, one phrase each; empty when ready. */
  readonly problems: string[];
  readonly [key: string]: unknown;
}

const iso = (at: number | null | undefined) => (at ? new Date(at).toISOString() : null);

/**
 * The /readyz answer: ready when the database answers, updates arrive (a recent getUpdates, or
 * the webhook is set) and Telegram is reachable; with the publishing state, queue, last post,
 * last feed poll and failing feeds for whoever looks.
 */
export function checkReadiness(deps: ReadinessDeps): ReadinessReport {
  const now = (deps.now ?? Date.now)();
  const problems: string[] = [];
  let database = true;
  try {
    database = deps.health.ping();
  } catch {
    database = false;
  }
  if (!database) problems.push("the database does not answer");

  const telegram = deps.telegram();
  if (!telegram.reachable) problems.push("Telegram has been unreachable for over a minute");
  const maxAge = deps.updatesMaxAgeMs ?? 90_000;
  if (deps.mode === "polling") {
    const since = telegram.pollInFlightSince;
    const recent =
      (since !== null && now - since < maxAge) ||
      (telegram.lastGetUpdatesAt !== null && now - telegram.lastGetUpdatesAt < maxAge);
    if (!recent) problems.push("no recent getUpdates");
  } else if (!deps.webhookSet()) {
    problems.push("the webhook is not set");
  }

  const report: Record<string, unknown> = {
    ready: problems.length === 0,
    problems,
    mode: deps.mode,
    database: database ? "ok" : "failing",
    telegram: {
      reachable: telegram.reachable,
      unreachableSince: iso(telegram.unreachableSince),
      lastGetUpdates: iso(telegram.lastGetUpdatesAt),
      lastWebhookCall: iso(telegram.lastWebhookCallAt),
    },
  };
  if (database) {
    const paused = deps.paused();
    const feeds = deps.feeds();
    const lastPoll = Math.max(0, ...feeds.map((f) => f.lastFetchedAt ?? 0));
    Object.assign(report, {
      publishing:
        paused === undefined
          ? "off (no CHANNEL_ID)"
          : paused
            ? { paused: true, since: iso(paused.at), by: paused.by, reason: paused.reason }
            : { paused: false },
      queueLength: deps.health.queueLength(),
      lastPost: iso(deps.health.lastPostedAt()),
      lastFeedPoll: iso(lastPoll),
      failingFeeds: feeds
        .filter((f) => f.lastError !== null)
        .map((f) => ({ id: f.id, url: f.url, error: f.lastError, failures: f.failureCount })),
    });
  }
  return report as ReadinessReport;
}
