import type { Update } from "grammy/types";

export interface FakeBotApiOptions {
  /** Sends allowed to one channel or group in a sliding 60 s window (default 20); one more → 429. */
  channelPostsPerMinute?: number;
  /** Sends allowed across all chats in a sliding 1 s window (default 30); one more → 429. */
  globalPerSecond?: number;
  /** Fixed `retry_after` for 429s; by default the seconds until the window frees (at least 1). */
  retryAfterSeconds?: number;
  /** Clock in milliseconds, for tests that move time (flood windows, message dates, `at`). */
  now?: () => number;
}

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  ok: boolean;
  errorCode?: number;
  description?: string;
  at: number;
}

export interface StoredEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

export interface StoredMessage {
  chatId: number | string;
  messageId: number;
  kind: "text" | "photo" | "document";
  /** What was sent (text or caption) before parsing, when parse_mode was HTML. */
  html?: string;
  /** What the user sees: text or caption after entity parsing and trimming. */
  text: string;
  entities: StoredEntity[];
  photo?: string;
  /** A document message: its file name and content (UTF-8). */
  document?: { fileName: string; content: string };
  replyMarkup?: unknown;
  linkPreviewOptions?: unknown;
  editCount: number;
  deleted: boolean;
}

/**
 * A planned failure. "network" drops the connection and "timeout" never answers, both before
 * the call is carried out. The "accepted-…" ones carry the call out (the message is stored, as
 * Telegram would have it) and then lose the answer: the connection closes, the body is not
 * JSON, the body is cut off half-way, or the answer is held until the fake closes.
 */
export type FakeFailure =
  | { errorCode: number; description: string; retryAfter?: number }
  /** Not a failure: the call is answered normally, but only after this many milliseconds. */
  | { delayMs: number }
  | "network"
  | "timeout"
  | AcceptedFailure;

export type AcceptedFailure =
  | "accepted-then-closed"
  | "accepted-invalid-json"
  | "accepted-cut"
  | "accepted-held";

export type ChatType = "channel" | "private" | "group" | "supergroup";

export interface ChatSetup {
  type: ChatType;
  title?: string;
  username?: string;
  id?: number;
  /** false: sends are refused with 403 (a private chat reads this as "the user blocked the bot"). */
  botIsMember?: boolean;
  /** User ids returned by getChatAdministrators (besides the bot) and as "administrator" by getChatMember. */
  administrators?: number[];
}

export interface FakeBotApi {
  readonly apiRoot: string;
  readonly token: string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  messages(chatId?: number | string): StoredMessage[];
  /** The next `times` calls of `method` (to `chatId` only, when given) fail as planned. */
  failNext(method: string, failure: FakeFailure, times?: number, chatId?: number | string): void;
  setChat(chatId: number | string, chat: ChatSetup): void;
  pushUpdate(update: Update): void;
  /** Keeps a file as if a user had sent it; getFile and the file URL serve it. */
  addFile(content: string | Buffer, fileName: string): { fileId: string; fileSize: number };
  /** The commands set for a scope (default scope when omitted) and language ("" by default). */
  commands(
    scope?: Record<string, unknown>,
    languageCode?: string,
  ): Array<{ command: string; description: string }>;
  /** True while a getUpdates long poll is waiting (calls are recorded when answered). */
  readonly polling: boolean;
  /** The webhook URL currently set, or "" when none. */
  readonly webhookUrl: string;
  /** Calls `listener` after every answered call (result is undefined for refusals); returns an unsubscribe. */
  onCall(listener: CallListener): () => void;
  /** What the last setWebhook registered (url "" when none or deleted). */
  readonly webhook: { url: string; secretToken?: string; allowedUpdates?: string[] };
  /**
   * Delivers an update as Telegram would: an HTTP POST of its JSON to the registered webhook,
   * with the registered secret in X-Telegram-Bot-Api-Secret-Token. `via` is the origin the
   * public URL's reverse proxy forwards to (e.g. `http://127.0.0.1:8443`); the URL's path is kept.
   * Resolves to the bot's HTTP answer. Throws when no webhook is set.
   */
  deliverUpdate(update: Update, via: string): Promise<{ status: number; body: string }>;
  reset(): void;
  close(): Promise<void>;
}

/** Hears each call the emulator answered: what was asked, the outcome, and the result sent back. */
export type CallListener = (call: RecordedCall, result: unknown) => void;
