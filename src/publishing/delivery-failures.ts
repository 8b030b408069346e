import type { Article } from "../articles/article.js";
import { retryWhileBusy } from "../db/busy.js";
import type { DeliveryRepository } from "../db/delivery-repository.js";
import type { QueueRepository } from "../db/queue-repository.js";
import type { Logger } from "../logger.js";
import {
  BadMarkupError,
  BadRequestError,
  ChannelForbiddenError,
  describeError,
  OutcomeUnknownError,
} from "./delivery-errors.js";
import type { EditorNotices } from "./editor-notices.js";
import type { PauseState } from "./pause-state.js";
import type { QueueItem } from "./queue-item.js";

interface OutcomeBase {
  readonly itemId: number;
  readonly articleId: number;
}

/** What one delivery did. */
export type PublishOutcome =
  | (OutcomeBase & {
      readonly status: "posted";
      readonly messageId: number;
      readonly plainFallback: boolean;
    })
  | (OutcomeBase & { readonly status: "failed"; readonly reason: string })
  | (OutcomeBase & { readonly status: "retry-later"; readonly reason: string })
  | (OutcomeBase & { readonly status: "paused"; readonly reason: string })
  /** Telegram may or may not have it: held, and the editors were asked. */
  | (OutcomeBase & { readonly status: "unknown"; readonly reason: string });

/** Short database writes of the publisher, retried asynchronously while another connection holds the lock. */
export type BusyWrite = <T>(step: string, fn: () => T, maxWaitMs?: number) => Promise<T>;

/** The publisher's BusyWrite: logs the first busy try of a step and every twentieth. */
export function busyWrites(logger: Logger): BusyWrite {
  return (step, fn, maxWaitMs = 60_000) =>
    retryWhileBusy(fn, {
      maxWaitMs,
      onBusy: (attempt) => {
        if (attempt === 1 || attempt % 20 === 0)
          logger.warn({ step, attempt }, "database busy: trying the step again");
      },
    });
}

export interface DeliveryFailuresDeps {
  readonly queue: QueueRepository;
  readonly delivery: DeliveryRepository;
  readonly articles: { findById(id: number): Article | undefined };
  readonly pauseState: PauseState;
  readonly notices: EditorNotices;
  readonly channel: string;
  readonly logger: Logger;
  readonly now: () => number;
  readonly write: BusyWrite;
}

/**
 * What a failed delivery leaves behind: the rules of the failure table in docs/architecture.md ("When Telegram says no"). A lost answer
 * holds the item for the editors; a refused channel pauses publishing; a refused post is marked
 * failed; anything else goes back to the queue.
 */
export function createDeliveryFailures(deps: DeliveryFailuresDeps) {
  const { queue, delivery, pauseState, notices, channel, logger, now, write } = deps;

  /** Holds an item whose fate is unknown and asks every editor once. */
  async function holdForEditors(item: QueueItem, reason: string): Promise<void> {
    await write("hold", () => delivery.holdUnknown(item.id, reason, now()));
    pauseState.recordDeliveryError(reason);
    const title = deps.articles.findById(item.articleId)?.title ?? `item ${item.id}`;
    logger.error({ itemId: item.id, reason }, "outcome of a post unknown: held, editors asked");
    await notices.askOutcome({ itemId: item.id, title, reason });
  }

  async function failed(item: QueueItem, error: unknown): Promise<PublishOutcome> {
    const base = { itemId: item.id, articleId: item.articleId };
    const reason = describeError(error);
    if (error instanceof OutcomeUnknownError) {
      await holdForEditors(item, reason);
      return { ...base, status: "unknown", reason };
    }
    await write("clear interruptions", () => delivery.clearInterruptions(item.id));
    const outcome = await write("record failure", () => recordFailure(item, error, reason));
    if (outcome.status === "paused" && pauseState.pause("telegram", reason)) {
      await notices.channelRefused(channel, reason);
    }
    return outcome;
  }

  function recordFailure(item: QueueItem, error: unknown, reason: string): PublishOutcome {
    const base = { itemId: item.id, articleId: item.articleId };
    if (error instanceof ChannelForbiddenError) {
      queue.release(item.id, reason, now());
      pauseState.recordDeliveryError(reason);
      logger.error({ itemId: item.id, reason }, "channel refused the bot: publishing paused");
      return { ...base, status: "paused", reason };
    }
    if (error instanceof BadRequestError || error instanceof BadMarkupError) {
      queue.markFailed(item.id, reason, now());
      logger.warn({ itemId: item.id, reason }, "Telegram refused a post: marked failed");
      return { ...base, status: "failed", reason };
    }
    queue.release(item.id, reason, now());
    pauseState.recordDeliveryError(reason);
    logger.warn({ err: error, itemId: item.id }, "post not delivered: back in the queue");
    return { ...base, status: "retry-later", reason };
  }

  return { holdForEditors, failed };
}
