import type { Article } from "../articles/article.js";
import type { QueueRepository } from "../db/queue-repository.js";
import type { Logger } from "../logger.js";
import type { ChannelGateway } from "./channel-gateway.js";
import { ChannelForbiddenError, describeError } from "./delivery-errors.js";
import type { EditorNotices } from "./editor-notices.js";
import type { FormatOptions } from "./format-post.js";
import type { Pacer } from "./pacer.js";
import type { PauseState } from "./pause-state.js";
import { editArticle } from "./send-post.js";
import type { createSerial } from "./serial.js";

export type EditOutcome =
  | { readonly status: "edited"; readonly messageId: number }
  | { readonly status: "not-posted" }
  | { readonly status: "failed"; readonly reason: string };

export interface PostEditsDeps {
  readonly queue: QueueRepository;
  readonly gateway: ChannelGateway;
  readonly channel: string;
  readonly pauseState: PauseState;
  /** Edits count against the channel's limit like posts. */
  readonly pacer: Pacer;
  readonly notices: EditorNotices;
  readonly format: Omit<FormatOptions, "kind">;
  /** The publisher's one-at-a-time lane: edits never overlap a delivery. */
  readonly serial: ReturnType<typeof createSerial>;
  readonly logger: Logger;
  readonly now: () => number;
}

/**
 * Edits the channel post of an article that was already posted, to show its new text. A
 * refused edit is recorded on the queue item; a channel that refuses the bot pauses publishing.
 */
export function createPostEdits(deps: PostEditsDeps): (article: Article) => Promise<EditOutcome> {
  const { queue, channel, pauseState, logger, now } = deps;
  return (article) =>
    deps.serial.run(async (): Promise<EditOutcome> => {
      const item = queue.findPosted(article.id, channel);
      if (!item || item.messageId === null) return { status: "not-posted" };
      await deps.pacer.ready(channel);
      deps.pacer.record(channel);
      try {
        await editArticle(
          deps.gateway,
          channel,
          item.messageId,
          item.messageKind ?? "text",
          article,
          deps.format,
        );
        queue.recordEdit(item.id, article.contentHash, null, now());
        return { status: "edited", messageId: item.messageId };
      } catch (error) {
        const reason = describeError(error);
        queue.recordEdit(item.id, item.postedHash ?? "", `edit failed: ${reason}`, now());
        logger.warn({ err: error, itemId: item.id }, "could not edit a channel post");
        if (error instanceof ChannelForbiddenError && pauseState.pause("telegram", reason)) {
          await deps.notices.channelRefused(channel, reason);
        }
        return { status: "failed", reason };
      }
    });
}
