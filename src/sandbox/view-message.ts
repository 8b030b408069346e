import type { StoredEntity, StoredMessage } from "./fake-bot-api.js";

/** One bubble in a pane of the web view. */
export interface ViewMessage {
  /** Order of arrival across all panes. */
  seq: number;
  /** "channel", or "u<user id>" for a private chat. */
  chat: string;
  /** Stable key: the same bubble is replaced when the message is edited or deleted. */
  key: string;
  from: "bot" | "user" | "channel" | "telegram";
  kind: "text" | "photo" | "refusal";
  text: string;
  entities: StoredEntity[];
  date: number;
  /** Telegram's message id (bot messages), for button presses. */
  messageId?: number;
  photo?: string;
  buttons?: unknown;
  preview?: { url?: string; large: boolean; aboveText: boolean };
  edited?: boolean;
  deleted?: boolean;
  /** Shared from inline mode: "via @bot". */
  via?: string;
  refusal?: { method: string; code?: number; description: string; retryAfter?: number };
}

/** The link preview Telegram would show: the preview URL, or else the first link in the text. */
function previewOf(m: StoredMessage): ViewMessage["preview"] {
  if (m.kind !== "text") return undefined;
  const options = (m.linkPreviewOptions ?? {}) as {
    is_disabled?: boolean;
    url?: string;
    prefer_large_media?: boolean;
    show_above_text?: boolean;
  };
  if (options.is_disabled) return undefined;
  const firstLink = m.entities.find((e) => e.type === "text_link" || e.type === "url");
  const url =
    options.url ??
    (firstLink?.type === "text_link"
      ? firstLink.url
      : firstLink
        ? m.text.slice(firstLink.offset, firstLink.offset + firstLink.length)
        : undefined);
  if (url === undefined) return undefined;
  return {
    url,
    large: options.prefer_large_media === true,
    aboveText: options.show_above_text === true,
  };
}

/** A message the bot sent, as the web view shows it. */
export function botMessageView(
  m: StoredMessage,
  chat: string,
  seq: number,
  date: number,
): ViewMessage {
  const buttons = (m.replyMarkup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  const preview = previewOf(m);
  return {
    seq,
    chat,
    key: `bot:${m.chatId}:${m.messageId}`,
    from: chat === "channel" ? "channel" : "bot",
    kind: m.kind,
    text: m.text,
    entities: m.entities,
    date,
    messageId: m.messageId,
    ...(m.photo !== undefined ? { photo: m.photo } : {}),
    ...(buttons !== undefined ? { buttons } : {}),
    ...(preview ? { preview } : {}),
    edited: m.editCount > 0,
    deleted: m.deleted,
  };
}
