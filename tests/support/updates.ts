/**
 * Builders of realistic Telegram updates for bot tests. Every update gets a larger update_id
 * than the last, and incoming messages get ids far above the ones the fake Bot API gives the
 * bot's own messages, so the two never collide. Feed them to `bot.handleUpdate(update)` or to
 * the fake's `pushUpdate(update)` (served to a polling `bot.start()`).
 */
import type {
  CallbackQuery,
  Chat,
  InlineQuery,
  Message,
  MessageEntity,
  MessageOrigin,
  Update,
  User,
} from "grammy/types";
import { TEST_BOT_INFO, TEST_CHANNEL } from "../../src/sandbox/fake-bot-api/bot-identity.js";

export { TEST_CHANNEL };

/** A reader whose Telegram is in English. */
export const READER: User = {
  id: 2001,
  is_bot: false,
  first_name: "Alice",
  last_name: "Reader",
  username: "alice_reads",
  language_code: "en",
};

/** A reader whose Telegram is in Russian. */
export const RUSSIAN_READER: User = {
  id: 2002,
  is_bot: false,
  first_name: "Мария",
  username: "maria_chitaet",
  language_code: "ru",
};

/** An editor: list 1001 in ADMIN_IDS for tests of editor commands. */
export const EDITOR: User = {
  id: 1001,
  is_bot: false,
  first_name: "Eddie",
  last_name: "Editor",
  username: "eddie_edits",
  language_code: "en",
};

let lastUpdateId = 10_000;
let lastMessageId = 500_000;
let lastQueryId = 0;

const nextUpdateId = () => ++lastUpdateId;
const nextMessageId = () => ++lastMessageId;
const unixNow = () => Math.floor(Date.now() / 1000);

function privateChat(user: User, chatId?: number): Chat.PrivateChat {
  return {
    id: chatId ?? user.id,
    type: "private",
    first_name: user.first_name,
    ...(user.last_name ? { last_name: user.last_name } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}

/** A `bot_command` entity for text like "/search words" or "/start@bot payload". */
function commandEntities(text: string): MessageEntity[] {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : [];
}

export interface MessageOptions {
  from?: User;
  chatId?: number;
  /** Extra formatting entities (a command entity is added by itself). */
  entities?: MessageEntity[];
  date?: number;
}

type IncomingMessage = NonNullable<Update["message"]>;

function textMessage(text: string, options: MessageOptions): IncomingMessage {
  const from = options.from ?? READER;
  const entities = [...commandEntities(text), ...(options.entities ?? [])];
  return {
    message_id: nextMessageId(),
    date: options.date ?? unixNow(),
    chat: privateChat(from, options.chatId),
    from,
    text,
    ...(entities.length > 0 ? { entities } : {}),
  };
}

/** A message a user types to the bot in a private chat; "/cmd …" gets its bot_command entity. */
export function privateMessage(text: string, options: MessageOptions = {}): Update {
  return { update_id: nextUpdateId(), message: textMessage(text, options) };
}

export interface ForwardOptions extends MessageOptions {
  /** Where the forwarded post came from: a channel (default: a news channel) or a user. */
  origin?: { channel: { id: number; title: string; username?: string } } | { user: User };
  /** The original post's id in its channel. */
  originMessageId?: number;
}

/** A channel post (or a user's message) that a user forwards to the bot in private. */
export function forwardedMessage(text: string, options: ForwardOptions = {}): Update {
  const message = textMessage(text, options);
  const date = message.date - 3600;
  const source = options.origin ?? {
    channel: { id: -1009876543210, title: "Other News", username: "other_news" },
  };
  const origin: MessageOrigin =
    "channel" in source
      ? {
          type: "channel",
          date,
          chat: { type: "channel", ...source.channel },
          message_id: options.originMessageId ?? 77,
        }
      : { type: "user", date, sender_user: source.user };
  // A forwarded "/text" is not a command in Telegram.
  const entities = options.entities ?? [];
  const { entities: _commandEntities, ...rest } = message;
  return {
    update_id: nextUpdateId(),
    message: { ...rest, ...(entities.length > 0 ? { entities } : {}), forward_origin: origin },
  };
}

/** The message a callback button sits under: a Message, or what the fake stored for it. */
export type ButtonMessage =
  | Message
  | { chatId: number | string; messageId: number; text?: string; replyMarkup?: unknown };

function buttonMessage(message: ButtonMessage | undefined, from: User): Message {
  if (message !== undefined && "message_id" in message) return message;
  const chatId = typeof message?.chatId === "number" ? message.chatId : from.id;
  const botUser: User = {
    id: TEST_BOT_INFO.id,
    is_bot: true,
    first_name: TEST_BOT_INFO.first_name,
    username: TEST_BOT_INFO.username,
  };
  return {
    message_id: message?.messageId ?? nextMessageId(),
    date: unixNow(),
    chat:
      chatId > 0 ? privateChat(from, chatId) : { id: chatId, type: "supergroup", title: "Group" },
    from: botUser,
    text: message?.text ?? "…",
    ...(message?.replyMarkup
      ? { reply_markup: message.replyMarkup as Message["reply_markup"] }
      : {}),
  } as Message;
}

/** A press on an inline button carrying `data`, under `message` (default: a bot message in the user's private chat). */
export function callbackQuery(
  data: string,
  options: { from?: User; message?: ButtonMessage } = {},
): Update {
  const from = options.from ?? READER;
  const query: CallbackQuery = {
    id: `cbq-${++lastQueryId}`,
    from,
    message: buttonMessage(options.message, from),
    chat_instance: `ci-${from.id}`,
    data,
  };
  return { update_id: nextUpdateId(), callback_query: query };
}

/** A user typing `@bot query` in any chat. */
export function inlineQuery(query: string, options: { from?: User; offset?: string } = {}): Update {
  const from = options.from ?? READER;
  const inline: InlineQuery = {
    id: `iq-${++lastQueryId}`,
    from,
    query,
    offset: options.offset ?? "",
    chat_type: "sender",
  };
  return { update_id: nextUpdateId(), inline_query: inline };
}

/** A post in a channel where the bot is an administrator (no `from`; the channel is the sender). */
export function channelPost(
  text: string,
  options: {
    channel?: { id: number; title: string; username?: string };
    entities?: MessageEntity[];
  } = {},
): Update {
  const channel: Chat.ChannelChat = { type: "channel", ...(options.channel ?? TEST_CHANNEL) };
  return {
    update_id: nextUpdateId(),
    channel_post: {
      message_id: nextMessageId(),
      date: unixNow(),
      chat: channel,
      sender_chat: channel,
      text,
      ...(options.entities ? { entities: options.entities } : {}),
    },
  };
}
