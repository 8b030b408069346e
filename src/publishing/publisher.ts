import type { Article } from "../articles/article.js";
import type { QueueRepository } from "../db/queue-repository.js";
import type { Logger } from "../logger.js";
import type { ChannelGateway } from "./channel-gateway.js";
import {
  BadMarkupError,
  BadRequestError,
  ChannelForbiddenError,
  describeError,
} from "./delivery-errors.js";
import { createEditorNotices } from "./editor-notices.js";
import { type FormatOptions, type FormattedPost, formatPost } from "./format-post.js";
import { createPacer, type Pacer } from "./pacer.js";
import type { PauseState } from "./pause-state.js";
import { createPostEdits, type EditOutcome } from "./post-edits.js";
import {
  NotDueYetError,
  NothingDueError,
  QueueEmptyError,
  QueueItemNotFoundError,
  QueueItemStateError,
} from "./queue-errors.js";
import type { QueueItem } from "./queue-item.js";
import { sendArticle } from "./send-post.js";
import { createSerial } from "./serial.js";

export type { EditOutcome };

export interface PublisherDeps {
  readonly queue: QueueRepository;
  readonly articles: { findById(id: number): Article | undefined };
  readonly pauseState: PauseState;
  readonly gateway: ChannelGateway;
  /** CHANNEL_ID */
  readonly channel: string;
  /** ADMIN_IDS: told in private when the channel refuses the bot or a post was interrupted. */
  readonly adminIds: readonly number[];
  readonly format: Omit<FormatOptions, "kind">;
  readonly pacer?: Pacer;
  readonly logger: Logger;
  readonly now?: () => number;
}

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
  | (OutcomeBase & { readonly status: "paused"; readonly reason: string });

/** What the next queued item would send, for `post --dry-run`. */
export interface PostPreview {
  readonly item: QueueItem;
  readonly article: Article;
  readonly post: FormattedPost;
}

/**
 * Delivers queued posts to the channel: scheduled runs, "post now" and edits share one code
 * path and go one at a time. An item is `sending` before the request and `posted` (with the
 * message id) as soon as Telegram accepts it.
 */
export function createPublisher(deps: PublisherDeps) {
  const { queue, channel, gateway, pauseState, logger } = deps;
  const now = deps.now ?? Date.now;
  const pacer = deps.pacer ?? createPacer();
  // Posts of the last minute before a restart still count against the channel's limit.
  pacer.seed(channel, queue.postedTimesSince(channel, now() - 120_000));
  const notices = createEditorNotices(gateway, deps.adminIds, logger);
  const serial = createSerial();
  let closing = false;

  async function failed(item: QueueItem, error: unknown): Promise<PublishOutcome> {
    const base = { itemId: item.id, articleId: item.articleId };
    const reason = describeError(error);
    if (error instanceof ChannelForbiddenError) {
      queue.release(item.id, reason, now());
      pauseState.recordDeliveryError(reason);
      logger.error({ itemId: item.id, reason }, "channel refused the bot: publishing paused");
      if (pauseState.pause("telegram", reason)) await notices.channelRefused(channel, reason);
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

  /** Claims one queued item and sends it; undefined when it was no longer queued. */
  async function deliver(
    itemId: number,
    signal?: AbortSignal,
  ): Promise<PublishOutcome | undefined> {
    // Wait before claiming, so a shutdown during the wait leaves the item simply queued.
    await pacer.ready(channel, signal);
    if (!queue.claim(itemId, now())) return undefined;
    const item = queue.findById(itemId)!;
    const article = deps.articles.findById(item.articleId);
    if (!article) return failed(item, new BadRequestError("the article no longer exists"));
    try {
      const sent = await sendArticle(gateway, channel, article, deps.format);
      queue.markPosted(item.id, sent.messageId, sent.kind, article.contentHash, now());
      pacer.record(channel);
      logger.info(
        { itemId, articleId: article.id, messageId: sent.messageId, plain: sent.plain },
        "posted",
      );
      return {
        itemId,
        articleId: article.id,
        status: "posted",
        messageId: sent.messageId,
        plainFallback: sent.plain,
      };
    } catch (error) {
      return failed(item, error);
    }
  }

  const syncEdit = createPostEdits({
    queue,
    gateway,
    channel,
    pauseState,
    pacer,
    notices,
    format: deps.format,
    serial,
    logger,
    now,
  });

  const isAbort = (signal: AbortSignal | undefined) => signal?.aborted === true;

  /** The item the next scheduled run would take (the pause aside); explains an empty answer. */
  function firstDue(): QueueItem {
    const due = queue.firstDue(channel, now());
    if (due) return due;
    const waiting = queue.firstQueued(channel);
    if (!waiting) throw new QueueEmptyError();
    const times = queue.listLive(channel).flatMap((i) => (i.notBefore ? [i.notBefore] : []));
    throw new NothingDueError(Math.min(...times));
  }

  return {
    /**
     * A scheduled run: posts up to `limit` due items in queue order. Does nothing while paused;
     * stops early when a delivery must wait (network, Telegram trouble) or `signal` aborts.
     */
    publishDue(limit: number, signal?: AbortSignal): Promise<PublishOutcome[]> {
      return serial.run(async () => {
        const outcomes: PublishOutcome[] = [];
        while (outcomes.length < limit && !closing && !isAbort(signal) && !pauseState.isPaused()) {
          const next = queue.firstDue(channel, now());
          if (!next) break;
          let outcome: PublishOutcome | undefined;
          try {
            outcome = await deliver(next.id, signal);
          } catch (error) {
            if (isAbort(signal)) break;
            throw error;
          }
          if (!outcome) continue;
          outcomes.push(outcome);
          if (outcome.status === "retry-later" || outcome.status === "paused") break;
        }
        return outcomes;
      });
    },

    /**
     * Posts now, even while paused: without an id the first due item (the one the next
     * scheduled run would take); with an id that item, but one scheduled for later only with
     * `early` (the editor confirmed). Waits for the pacing window when the channel had 20
     * posts this minute.
     * @throws QueueEmptyError, NothingDueError, NotDueYetError, QueueItemNotFoundError,
     *   QueueItemStateError
     */
    postNow(itemId?: number, options: { early?: boolean } = {}): Promise<PublishOutcome> {
      if (closing) return Promise.reject(new QueueItemStateError("publishing is shutting down"));
      return serial.run(async () => {
        const item = itemId === undefined ? firstDue() : queue.findById(itemId);
        if (!item || item.channel !== channel) throw new QueueItemNotFoundError(itemId ?? 0);
        if (item.state !== "queued")
          throw new QueueItemStateError(`queue item ${item.id} is ${item.state}`);
        if (item.notBefore !== null && item.notBefore > now() && !options.early)
          throw new NotDueYetError(item.id, item.notBefore);
        const outcome = await deliver(item.id);
        if (!outcome) throw new QueueItemStateError(`queue item ${item.id} was taken meanwhile`);
        return outcome;
      });
    },

    /** Exactly what postNow() without an id would send (the first due item), without sending it. */
    previewNext(): PostPreview | undefined {
      const item = queue.firstDue(channel, now());
      const article = item && deps.articles.findById(item.articleId);
      if (!item || !article) return undefined;
      return { item, article, post: formatPost(article, deps.format) };
    },

    /**
     * The in-flight rule, run once at start: items left `sending` by a crash go back to the
     * queue at their place (sent again: at most one duplicate, never a loss) and editors are told.
     */
    async recoverInterrupted(): Promise<QueueItem[]> {
      const interrupted = queue.listSending(channel);
      for (const item of interrupted) {
        queue.release(item.id, "interrupted by a restart while being sent; sent again", now());
        logger.warn({ itemId: item.id }, "post was in flight during a restart: queued again");
        await notices.interruptedPost(
          deps.articles.findById(item.articleId)?.title ?? `item ${item.id}`,
        );
      }
      return interrupted;
    },

    /** Edits the channel post of an article that was already posted, to show its new text. */
    syncEdit,

    /** Subscribes to article updates so that posted articles are edited in place. */
    followEdits(source: { onUpdated(listener: (article: Article) => void): void }): void {
      source.onUpdated((article) => {
        if (closing) return;
        syncEdit(article).catch((error: unknown) => logger.error({ err: error }, "edit failed"));
      });
    },

    /** Stops taking new work and resolves when the delivery in flight has finished. */
    async shutdown(): Promise<void> {
      closing = true;
      await serial.idle();
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
