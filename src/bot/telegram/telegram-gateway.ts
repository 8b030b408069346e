import { type Api, GrammyError, HttpError, InlineKeyboard } from "grammy";
import type { ChannelGateway, OutgoingPost } from "../../publishing/channel-gateway.js";
import {
  BadMarkupError,
  BadRequestError,
  ChannelForbiddenError,
  OutcomeUnknownError,
  RateLimitedError,
  TransientDeliveryError,
} from "../../publishing/delivery-errors.js";
import { outcomeQuestionHtml } from "../desk/formatters/outcome-question.js";
import { outcomeData } from "../desk/keyboards/callback-data.js";
import { deskFor } from "../i18n/index.js";
import { wasNeverDelivered } from "./network-errors.js";

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

/** The same, for a new post: a lost answer means nobody knows whether the channel has it. */
export function toSendError(error: unknown): unknown {
  if (error instanceof HttpError && !wasNeverDelivered(error)) {
    return new OutcomeUnknownError(`the answer was lost (${lostAnswerReason(error)})`);
  }
  return toDeliveryError(error);
}

function lostAnswerReason(error: HttpError): string {
  const cause = error.error as { code?: unknown; type?: unknown; message?: unknown } | undefined;
  if (cause?.type === "invalid-json") return "Telegram's answer was not valid JSON";
  if (typeof cause?.message === "string" && /timed out/.test(cause.message))
    return "no answer in time";
  if (typeof cause?.code === "string") return `the connection failed: ${cause.code}`;
  return "the connection failed";
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
    sendPost: async (chatId, post) => {
      try {
        const message =
          post.kind === "photo" && post.photoUrl
            ? await api.sendPhoto(chatId, post.photoUrl, { caption: post.text, ...parseMode(post) })
            : await api.sendMessage(chatId, post.text, {
                ...parseMode(post),
                ...(post.linkPreview ? { link_preview_options: post.linkPreview } : {}),
              });
        return { messageId: message.message_id };
      } catch (error) {
        throw toSendError(error);
      }
    },

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

    askOutcome: (userId, question, locale) =>
      mapped(async () => {
        const d = deskFor(locale);
        await api.sendMessage(userId, outcomeQuestionHtml(d, question), {
          parse_mode: "HTML",
          reply_markup: new InlineKeyboard()
            .text(d.inChannelButton, outcomeData("in-channel", question.itemId))
            .row()
            .text(d.sendAgainButton, outcomeData("send-again", question.itemId)),
        });
      }),
  };
}
