import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../logger.js";

export interface TelegramStatusSnapshot {
  /** False once calls have failed on the network for longer than the grace period. */
  readonly reachable: boolean;
  /** Since when calls fail on the network (Unix ms), or null while they work. */
  readonly unreachableSince: number | null;
  readonly lastOkAt: number | null;
  /** The last answered getUpdates (long polling). */
  readonly lastGetUpdatesAt: number | null;
  /** Since when the getUpdates long poll now waiting was sent, or null. */
  readonly pollInFlightSince: number | null;
  /** The last call Telegram made to the webhook. */
  readonly lastWebhookCallAt: number | null;
}

export interface TelegramStatusOptions {
  readonly logger: Logger;
  readonly now?: () => number;
  /** Network failures for this long make Telegram "unreachable" (one warning). Default 60 s. */
  readonly graceMs?: number;
}

/**
 * Watches every Bot API call (as an API transformer) and every webhook call, to tell whether
 * Telegram answers: an outage longer than the grace period is logged once as a warning, and
 * its end once as info; /stats and /readyz show the snapshot.
 */
export function createTelegramStatus(options: TelegramStatusOptions) {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const grace = options.graceMs ?? 60_000;
  let failingSince: number | null = null;
  let warned = false;
  let lastOkAt: number | null = null;
  let lastGetUpdatesAt: number | null = null;
  let lastWebhookCallAt: number | null = null;
  let pollInFlightSince: number | null = null;

  function checkOutage(): boolean {
    const down = failingSince !== null && now() - failingSince >= grace;
    if (down && !warned) {
      warned = true;
      logger.warn(
        { since: new Date(failingSince ?? 0).toISOString() },
        "Telegram has been unreachable for over a minute; retrying",
      );
    }
    return down;
  }

  function succeeded(method: string): void {
    const at = now();
    if (failingSince !== null && warned) {
      logger.info({ downForMs: at - failingSince }, "Telegram is reachable again");
    }
    failingSince = null;
    warned = false;
    lastOkAt = at;
    if (method === "getUpdates") lastGetUpdatesAt = at;
  }

  const transformer: Transformer = async (prev, method, payload, signal) => {
    const polling = method === "getUpdates";
    if (polling) pollInFlightSince = now();
    try {
      const result = await prev(method, payload, signal);
      succeeded(method);
      return result;
    } catch (error) {
      if (error instanceof HttpError) {
        failingSince ??= now();
        checkOutage();
      }
      throw error;
    } finally {
      if (polling) pollInFlightSince = null;
    }
  };

  return {
    /** Install on every Api (outermost, after the retries): it sees each call's final outcome. */
    transformer,
    /** Telegram delivered an update to the webhook: it reaches us, so it is reachable. */
    webhookCalled(): void {
      lastWebhookCallAt = now();
    },
    snapshot(): TelegramStatusSnapshot {
      const down = checkOutage();
      return {
        reachable: !down,
        unreachableSince: down ? failingSince : null,
        lastOkAt,
        lastGetUpdatesAt,
        pollInFlightSince,
        lastWebhookCallAt,
      };
    },
  };
}

export type TelegramStatus = ReturnType<typeof createTelegramStatus>;
