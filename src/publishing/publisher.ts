import type { Article } from "../articles/article.js";
import type { DeliveryRepository, EditorChoice } from "../db/delivery-repository.js";
import type { QueueRepository } from "../db/queue-repository.js";
import type { Locale } from "../i18n/locale.js";
import type { Logger } from "../logger.js";
import type { ChannelGateway } from "./channel-gateway.js";
import { BadRequestError } from "./delivery-errors.js";
import { busyWrites, createDeliveryFailures, type PublishOutcome } from "./delivery-failures.js";
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

export type { EditOutcome, PublishOutcome };

export interface PublisherDeps {
  readonly queue: QueueRepository;
  readonly delivery: DeliveryRepository;
  readonly articles: { findById(id: number): Article | undefined };
  readonly pauseState: PauseState;
  readonly gateway: ChannelGateway;
  /** CHANNEL_ID */
  readonly channel: string;
  /** ADMIN_IDS: told in private when the channel refuses the bot or a post was interrupted. */
  readonly adminIds: readonly number[];
  /** Each editor's language for notices; English for all when absent. */
  readonly languageOf?: (userId: number) => Locale;
  readonly format: Omit<FormatOptions, "kind">;
  readonly pacer?: Pacer;
  readonly logger: Logger;
  readonly now?: () => number;
}

/** What an editor's answer to "is it in the channel?" did. */
export type ResolveOutcome =
  | { readonly status: "recorded"; readonly choice: EditorChoice; readonly title: string }
  | {
      readonly status: "sent-again";
      readonly title: string;
      readonly outcome: PublishOutcome;
    }
  | {
      readonly status: "already-decided";
      readonly title: string;
      readonly choice: EditorChoice | null;
    };

/** How long "posted" is tried again while the database is busy: the post is already out. */
const MARK_POSTED_MAX_WAIT_MS = 10 * 60_000;

/** What the next queued item would send, for `post --dry-run`. */
export interface PostPreview {
  readonly item: QueueItem;
  readonly article: Article;
  readonly post: FormattedPost;
}

/**
 * Delivers queued posts to the channel: scheduled runs, "post now" and edits share one code
 * path and go one at a time. An item is `sending` (and the attempt counted) before the request,
 * and `posted` (with the message id) in a step of its own once Telegram accepted it; that step
 * is retried while the database is busy, never by sending again. When the answer is lost after
 * Telegram may have taken the post, the item is held and the editors decide.
 */
export function createPublisher(deps: PublisherDeps) {
  const { queue, delivery, channel, gateway, pauseState, logger } = deps;
  const now = deps.now ?? Date.now;
  const pacer = deps.pacer ?? createPacer();
  // Sends of the last minutes before a restart (re-sends too) still count against the limit.
  pacer.seed(channel, delivery.sendAttemptsSince(channel, now() - 120_000));
  const notices = createEditorNotices(gateway, deps.adminIds, logger, deps.languageOf);
  const serial = createSerial();
  let closing = false;

  const write = busyWrites(logger);
  const { holdForEditors, failed } = createDeliveryFailures({
    queue,
    delivery,
    articles: deps.articles,
    pauseState,
    notices,
    channel,
    logger,
    now,
    write,
  });

  /** Claims one queued item and sends it; undefined when it was no longer queued. */
  async function deliver(
    itemId: number,
    signal?: AbortSignal,
  ): Promise<PublishOutcome | undefined> {
    // Wait before claiming, so a shutdown during the wait leaves the item simply queued.
    await pacer.ready(channel, signal);
    const claimed = await write("claim", () => queue.claim(itemId, now()));
    if (!claimed) return undefined;
    // Counted before the request goes out: a send whose answer never comes still counts.
    await write("count the attempt", () => delivery.recordSendAttempt(channel, now()));
    pacer.record(channel);
    const item = queue.findById(itemId)!;
    const article = deps.articles.findById(item.articleId);
    if (!article) return failed(item, new BadRequestError("the article no longer exists"));
    let sent: Awaited<ReturnType<typeof sendArticle>>;
    try {
      sent = await sendArticle(gateway, channel, article, deps.format);
    } catch (error) {
      pacer.answered(channel);
      return failed(item, error);
    }
    pacer.answered(channel);
    // Its own step: a busy database delays the record, it never re-sends the post.
    await write(
      "mark posted",
      () => queue.markPosted(item.id, sent.messageId, sent.kind, article.contentHash, now()),
      MARK_POSTED_MAX_WAIT_MS,
    );
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
          if (outcome.status !== "posted" && outcome.status !== "failed") break;
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
     * The in-flight rule, run once at start: an item left `sending` by a crash goes back to the
     * queue at its place (sent again: at most one duplicate, never a loss) and editors are told;
     * an item interrupted a second time in a row is held and the editors are asked instead.
     */
    async recoverInterrupted(): Promise<QueueItem[]> {
      const interrupted = delivery.listInFlight(channel);
      for (const record of interrupted) {
        const item = queue.findById(record.id)!;
        if (record.interruptions >= 1) {
          await holdForEditors(item, "it was interrupted by a restart twice in a row");
          continue;
        }
        await write("requeue", () =>
          delivery.requeueInterrupted(
            item.id,
            "interrupted by a restart while being sent; sent again",
            now(),
          ),
        );
        logger.warn({ itemId: item.id }, "post was in flight during a restart: queued again");
        await notices.interruptedPost(
          deps.articles.findById(item.articleId)?.title ?? `item ${item.id}`,
        );
      }
      return interrupted.map((r) => queue.findById(r.id)!);
    },

    /**
     * Records an editor's answer for a post held as "outcome unknown": "in-channel" marks it
     * posted (without a message id, so it cannot be edited later); "send-again" puts it first
     * in the queue and sends it now. A second answer (another editor) changes nothing.
     */
    resolveUnknown(
      itemId: number,
      choice: EditorChoice,
      editorId: number,
    ): Promise<ResolveOutcome> {
      return serial.run(async (): Promise<ResolveOutcome> => {
        const record = delivery.find(itemId);
        const item = queue.findById(itemId);
        if (!record || !item || item.channel !== channel) throw new QueueItemNotFoundError(itemId);
        const article = deps.articles.findById(item.articleId);
        const title = article?.title ?? `item ${itemId}`;
        if (record.unknownSince === null) {
          return { status: "already-decided", title, choice: record.editorChoice };
        }
        logger.info({ itemId, choice, editorId }, "editor decided a post of unknown outcome");
        if (choice === "in-channel") {
          await write("resolve", () =>
            delivery.resolveInChannel(itemId, editorId, article?.contentHash ?? "", now()),
          );
          return { status: "recorded", choice, title };
        }
        const first = (queue.positionEdges(channel).lo ?? 1) - 1;
        await write("resolve", () => delivery.resolveSendAgain(itemId, editorId, first, now()));
        const outcome = await deliver(itemId);
        if (!outcome) throw new QueueItemStateError(`queue item ${itemId} was taken meanwhile`);
        return { status: "sent-again", title, outcome };
      });
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
