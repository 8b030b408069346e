import type { InlineQuery, Message, MessageEntity, Update, User } from "grammy/types";

/**
 * Builds the updates Telegram would deliver for what a person does in the web view. Incoming
 * message ids start far above the ones the emulator gives the bot's messages, so they never meet.
 */
export function createUpdateFactory() {
  let updateId = 0;
  let messageId = 1_000_000;
  let queryId = 0;
  const unixNow = () => Math.floor(Date.now() / 1000);

  const privateChat = (user: User) => ({
    id: user.id,
    type: "private" as const,
    first_name: user.first_name,
    ...(user.username ? { username: user.username } : {}),
  });

  return {
    /** A message typed in the private chat; "/cmd …" gets its bot_command entity, as in Telegram. */
    message(user: User, text: string): Update & { message: Message.TextMessage } {
      const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
      const entities: MessageEntity[] = command
        ? [{ type: "bot_command", offset: 0, length: command[0].length }]
        : [];
      return {
        update_id: ++updateId,
        message: {
          message_id: ++messageId,
          date: unixNow(),
          chat: privateChat(user),
          from: user,
          text,
          ...(entities.length > 0 ? { entities } : {}),
        },
      };
    },

    /** A press on an inline button under one of the bot's messages. */
    callbackQuery(user: User, message: Message, data: string): Update {
      return {
        update_id: ++updateId,
        callback_query: {
          id: `sandbox-cbq-${++queryId}`,
          from: user,
          message,
          chat_instance: `sandbox-${user.id}`,
          data,
        },
      };
    },

    /** `@bot words` typed in a chat. */
    inlineQuery(user: User, query: string, offset = ""): Update & { inline_query: InlineQuery } {
      return {
        update_id: ++updateId,
        inline_query: {
          id: `sandbox-iq-${++queryId}`,
          from: user,
          query,
          offset,
          chat_type: "private",
        },
      };
    },
  };
}

export type UpdateFactory = ReturnType<typeof createUpdateFactory>;
