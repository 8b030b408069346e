import type { Locale } from "../i18n/locale.js";
import type { LinkPreviewOptions } from "./format-post.js";
import type { PostKind } from "./queue-item.js";

/** One message as the gateway sends it: HTML (house style) or the plain-text fallback. */
export interface OutgoingPost {
  readonly kind: PostKind;
  /** Message text, or the caption of a photo. */
  readonly text: string;
  readonly format: "html" | "plain";
  readonly photoUrl?: string;
  readonly linkPreview?: LinkPreviewOptions;
}

/** Asked of the editors when the bot cannot know whether the channel has a post. */
export interface OutcomeQuestion {
  readonly itemId: number;
  readonly title: string;
  /** Why it is unknown, in a few words. */
  readonly reason: string;
}

/**
 * The publisher's view of Telegram. Implementations throw the errors of delivery-errors.ts:
 * RateLimitedError, ChannelForbiddenError, BadMarkupError, BadRequestError, TransientDeliveryError,
 * and OutcomeUnknownError when a post's answer was lost after Telegram may have taken it.
 */
export interface ChannelGateway {
  /** Sends a post to a channel; resolves to Telegram's message id. */
  sendPost(chatId: string, post: OutgoingPost): Promise<{ messageId: number }>;
  /**
   * Replaces the text (text post) or caption (photo post) of a sent message.
   * A message that already shows this content is not an error.
   */
  editPost(chatId: string, messageId: number, post: OutgoingPost): Promise<void>;
  /** Sends an HTML message to an editor's private chat. */
  sendPrivate(userId: number, html: string): Promise<void>;
  /** Asks an editor, in private, whether the channel has the post: two buttons answer. */
  askOutcome(userId: number, question: OutcomeQuestion, locale?: Locale): Promise<void>;
}
