import { ApiError, badRequest } from "./api-error.js";
import type { ChatSetup, ChatType } from "./types.js";

export interface KnownChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  botIsMember: boolean;
  administrators: number[];
}

const CHANNEL_ID_BASE = -1_001_000_000_000;

/**
 * Chats the fake knows. Unknown numeric ids are accepted without set-up: positive ids are
 * private chats, ids at or below -1000000000000 channels, other negative ids groups. An unknown
 * `@username` is "chat not found".
 */
export class ChatRegistry {
  private byId = new Map<number, KnownChat>();
  private byUsername = new Map<string, KnownChat>();
  private generated = 0;

  set(key: number | string, setup: ChatSetup): KnownChat {
    const fromName = typeof key === "string" && key.startsWith("@") ? key.slice(1) : setup.username;
    const numericKey = typeof key === "number" ? key : Number(key);
    const previous = fromName ? this.byUsername.get(fromName.toLowerCase()) : undefined;
    const id =
      setup.id ??
      (Number.isInteger(numericKey) ? numericKey : undefined) ??
      previous?.id ??
      this.newId(setup.type);
    const chat: KnownChat = {
      id,
      type: setup.type,
      botIsMember: setup.botIsMember ?? true,
      administrators: setup.administrators ?? [],
      ...(setup.title !== undefined ? { title: setup.title } : {}),
      ...(fromName ? { username: fromName } : {}),
    };
    this.byId.set(id, chat);
    if (fromName) this.byUsername.set(fromName.toLowerCase(), chat);
    return chat;
  }

  private newId(type: ChatType): number {
    this.generated++;
    if (type === "private") return 900_000_000 + this.generated;
    if (type === "group") return -900_000_000 - this.generated;
    return CHANNEL_ID_BASE - this.generated;
  }

  /** The chat a `chat_id` parameter names; throws 400 "chat not found" for unknown usernames. */
  resolve(chatId: unknown): KnownChat {
    if (chatId === undefined || chatId === null || chatId === "")
      throw badRequest("chat_id is empty");
    if (typeof chatId === "string" && chatId.startsWith("@")) {
      const chat = this.byUsername.get(chatId.slice(1).toLowerCase());
      if (!chat) throw badRequest("chat not found");
      return chat;
    }
    const id = typeof chatId === "number" ? chatId : Number(chatId);
    if (!Number.isSafeInteger(id) || id === 0) throw badRequest("chat not found");
    return this.byId.get(id) ?? defaultChat(id);
  }

  /** Like resolve, but refuses with 403 when the bot cannot post there. */
  resolveWritable(chatId: unknown): KnownChat {
    const chat = this.resolve(chatId);
    if (!chat.botIsMember) throw forbidden(chat);
    return chat;
  }

  /** Whether an `@username` was set up. */
  knows(username: string): boolean {
    return this.byUsername.has(username.replace(/^@/, "").toLowerCase());
  }

  clear(): void {
    this.byId.clear();
    this.byUsername.clear();
  }
}

function defaultChat(id: number): KnownChat {
  const type: ChatType = id > 0 ? "private" : id <= -1_000_000_000_000 ? "channel" : "group";
  return { id, type, botIsMember: true, administrators: [] };
}

function forbidden(chat: KnownChat): ApiError {
  if (chat.type === "private") return new ApiError(403, "Forbidden: bot was blocked by the user");
  return new ApiError(403, `Forbidden: bot is not a member of the ${chat.type} chat`);
}

/** The Chat object Telegram puts in messages. */
export function chatJson(chat: KnownChat): Record<string, unknown> {
  const json: Record<string, unknown> = { id: chat.id, type: chat.type };
  if (chat.type === "private") json.first_name = chat.title ?? "Test";
  else json.title = chat.title ?? `Chat ${chat.id}`;
  if (chat.username) json.username = chat.username;
  return json;
}

/** Sends to these count against the per-chat minute limit. */
export const isGroupLike = (chat: KnownChat): boolean => chat.type !== "private";
