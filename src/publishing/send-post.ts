import type { Article } from "../articles/article.js";
import type { ChannelGateway, OutgoingPost } from "./channel-gateway.js";
import { BadMarkupError, BadRequestError } from "./delivery-errors.js";
import { type FormatOptions, type FormattedPost, formatPost } from "./format-post.js";
import type { PostKind } from "./queue-item.js";

/** The formatted post as the gateway sends it, in HTML or as the plain-text fallback. */
export function outgoing(post: FormattedPost, format: "html" | "plain"): OutgoingPost {
  return {
    kind: post.kind,
    text: format === "html" ? post.html : post.plain,
    format,
    ...(post.photoUrl ? { photoUrl: post.photoUrl } : {}),
    ...(post.linkPreview ? { linkPreview: post.linkPreview } : {}),
  };
}

export interface SentPost {
  readonly messageId: number;
  readonly kind: PostKind;
  /** True when Telegram refused the HTML and the plain-text version went out. */
  readonly plain: boolean;
}

async function sendWithFallback(
  gateway: ChannelGateway,
  channel: string,
  post: FormattedPost,
): Promise<SentPost> {
  try {
    const { messageId } = await gateway.sendPost(channel, outgoing(post, "html"));
    return { messageId, kind: post.kind, plain: false };
  } catch (error) {
    if (!(error instanceof BadMarkupError)) throw error;
    const { messageId } = await gateway.sendPost(channel, outgoing(post, "plain"));
    return { messageId, kind: post.kind, plain: true };
  }
}

/**
 * Sends an article in the house style. Falls back to plain text when Telegram cannot parse the
 * HTML, and to a text post (image as link preview) when Telegram refuses the photo itself,
 * e.g. an image URL it cannot fetch.
 */
export async function sendArticle(
  gateway: ChannelGateway,
  channel: string,
  article: Article,
  format: FormatOptions,
): Promise<SentPost> {
  const post = formatPost(article, format);
  try {
    return await sendWithFallback(gateway, channel, post);
  } catch (error) {
    if (post.kind !== "photo" || !(error instanceof BadRequestError)) throw error;
    return sendWithFallback(gateway, channel, formatPost(article, { ...format, kind: "text" }));
  }
}

/** Edits a sent post in place to show the article's current text; same fallbacks as a send. */
export async function editArticle(
  gateway: ChannelGateway,
  channel: string,
  messageId: number,
  kind: PostKind,
  article: Article,
  format: FormatOptions,
): Promise<void> {
  const post = formatPost(article, { ...format, kind });
  try {
    await gateway.editPost(channel, messageId, outgoing(post, "html"));
  } catch (error) {
    if (!(error instanceof BadMarkupError)) throw error;
    await gateway.editPost(channel, messageId, outgoing(post, "plain"));
  }
}
