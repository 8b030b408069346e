import { type Api, GrammyError, HttpError } from "grammy";
import type { ChannelGateway, OutgoingPost } from "../publishing/channel-gateway.js";
import {
  BadMarkupError,
  BadRequestError,
  ChannelForbiddenError,
  RateLimitedError,
  TransientDeliveryError,
} from "../publishing/delivery-errors.js";

/** Maps what grammY throws to the publisher's delivery errors. */
export function toDeliveryError(error: unknown): unknown {
  if (error instanceof GrammyError) {
    const { error_code: code, description } = error;
    if (code === 429) return new RateLimitedError(description, error.parameters.retry_after ?? 0);
    if (code === 401 || code === 403 || /chat not found/i.test(description)) {
      return new ChannelForbiddenError(description);
    }
    if (/can't parse entities/i.test(description)) return new BadMarkupError(description);
    if (code >= 500) return new TransientDeliveryError(description);
    return new BadRequestError(description);
  }
  if (error instanceof HttpError) return new TransientDeliveryError(error.message);
  return error;
}

const isNotModified = (error: unknown) =>
  error instanceof GrammyError && /message is not modified/i.test(error.description);

function parseMode(post: OutgoingPost) {
  return post.format === "html" ? { parse_mode: "HTML" as const } : {};
}

/**
 * The publisher's ChannelGateway over a grammY Api. Give it `bot.api` after
 * installApiTransformers, so 429s, 5xx and network failures are retried before they get here.
 */
export function createTelegramGateway(api: Api): ChannelGateway {
  async function mapped<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  return {
    sendPost: (chatId, post) =>
      mapped(async () => {
        const message =
          post.kind === "photo" && post.photoUrl
            ? await api.sendPhoto(chatId, post.photoUrl, { caption: post.text, ...parseMode(post) })
            : await api.sendMessage(chatId, post.text, {
                ...parseMode(post),
                ...(post.linkPreview ? { link_preview_options: post.linkPreview } : {}),
              });
        return { messageId: message.message_id };
      }),

    editPost: (chatId, messageId, post) =>
      mapped(async () => {
        try {
          if (post.kind === "photo") {
            await api.editMessageCaption(chatId, messageId, {
              caption: post.text,
              ...parseMode(post),
            });
          } else {
            await api.editMessageText(chatId, messageId, post.text, {
              ...parseMode(post),
              ...(post.linkPreview ? { link_preview_options: post.linkPreview } : {}),
            });
          }
        } catch (error) {
          if (!isNotModified(error)) throw error;
        }
      }),

    sendPrivate: (userId, html) =>
      mapped(async () => {
        await api.sendMessage(userId, html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        });
      }),
  };
}
