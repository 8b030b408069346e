import { badRequest } from "./api-error.js";
import { TEST_CHANNEL } from "./bot-identity.js";
import { ChatRegistry, isGroupLike, type KnownChat } from "./chats.js";
import { FloodControl } from "./flood.js";
import type { FormattedText } from "./message-content.js";
import type { FakeBotApiOptions, StoredMessage } from "./types.js";
import { UpdateQueue } from "./update-queue.js";

export interface InternalMessage extends StoredMessage {
  chat: KnownChat;
  date: number;
  editDate?: number;
  fileId?: string;
}

/** What setWebhook registered. */
export interface WebhookSetup {
  url: string;
  secretToken?: string;
  allowedUpdates?: string[];
}

export interface BotCommand {
  command: string;
  description: string;
}

/** Everything the fake remembers between calls; reset() empties it. */
export class FakeState {
  readonly chats = new ChatRegistry();
  readonly flood: FloodControl;
  readonly updates = new UpdateQueue();
  readonly commands = new Map<string, BotCommand[]>();
  readonly answeredQueries = new Set<string>();
  messages: InternalMessage[] = [];
  webhook: WebhookSetup = { url: "" };
  private lastMessageId = new Map<number, number>();
  private files = 0;

  constructor(
    readonly token: string,
    readonly now: () => number,
    options: FakeBotApiOptions,
  ) {
    this.flood = new FloodControl({
      perChatPerMinute: options.channelPostsPerMinute ?? 20,
      globalPerSecond: options.globalPerSecond ?? 30,
      retryAfterSeconds: options.retryAfterSeconds,
    });
    this.registerTestChannel();
  }

  private registerTestChannel(): void {
    this.chats.set(`@${TEST_CHANNEL.username}`, { type: "channel", ...TEST_CHANNEL });
  }

  /** Counts a send against the flood limits, or throws the 429 Telegram would give. */
  admitSend(chat: KnownChat): void {
    const key = isGroupLike(chat) ? chat.id : undefined;
    const now = this.now();
    const refusal = this.flood.check(key, now);
    if (refusal) throw refusal;
    this.flood.record(key, now);
  }

  store(
    chat: KnownChat,
    kind: "text" | "photo",
    content: FormattedText,
    extra: { photo?: string; replyMarkup?: unknown; linkPreviewOptions?: unknown },
  ): InternalMessage {
    const messageId = (this.lastMessageId.get(chat.id) ?? 0) + 1;
    this.lastMessageId.set(chat.id, messageId);
    const message: InternalMessage = {
      chatId: chat.id,
      messageId,
      kind,
      text: content.text,
      entities: content.entities,
      editCount: 0,
      deleted: false,
      chat,
      date: Math.floor(this.now() / 1000),
      ...(content.html !== undefined ? { html: content.html } : {}),
      ...(extra.photo !== undefined ? { photo: extra.photo } : {}),
      ...(extra.replyMarkup !== undefined ? { replyMarkup: extra.replyMarkup } : {}),
      ...(extra.linkPreviewOptions !== undefined
        ? { linkPreviewOptions: extra.linkPreviewOptions }
        : {}),
    };
    this.messages.push(message);
    return message;
  }

  /** A live (not deleted) message, or undefined. */
  find(chat: KnownChat, messageId: number): InternalMessage | undefined {
    return this.messages.find(
      (m) => m.chat.id === chat.id && m.messageId === messageId && !m.deleted,
    );
  }

  /** The message an edit names, or 400 "message to edit not found". */
  findForEdit(chat: KnownChat, messageId: number): InternalMessage {
    const message = this.find(chat, messageId);
    if (!message) throw badRequest("message to edit not found");
    return message;
  }

  nextFileId(): string {
    this.files++;
    return `AgACAgFakePhoto${String(this.files).padStart(6, "0")}`;
  }

  reset(): void {
    this.chats.clear();
    this.flood.clear();
    this.updates.clear();
    this.commands.clear();
    this.answeredQueries.clear();
    this.messages = [];
    this.webhook = { url: "" };
    this.lastMessageId.clear();
    this.registerTestChannel();
  }
}
