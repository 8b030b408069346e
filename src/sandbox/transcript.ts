import type { Message } from "grammy/types";
import type { FakeBotApi, RecordedCall, StoredEntity } from "./fake-bot-api.js";
import { TEST_BOT_INFO, TEST_CHANNEL } from "./fake-bot-api.js";
import { botMessageView, type ViewMessage } from "./view-message.js";

/** What the web view is told as it happens (sent over server-sent events). */
export type SandboxEvent =
  | { type: "message"; message: ViewMessage }
  | { type: "toast"; chat: string; text: string; alert: boolean }
  | { type: "channel"; removed: boolean }
  | { type: "typing"; chat: string };

const SENDS = new Set(["sendmessage", "sendphoto"]);
const CHANGES = new Set([
  "editmessagetext",
  "editmessagecaption",
  "editmessagereplymarkup",
  "deletemessage",
]);
/** Refusals of these are the bot's own housekeeping, not something a person would see. */
const QUIET = new Set(["getupdates", "setmycommands", "deletewebhook", "getme"]);

const unixNow = () => Math.floor(Date.now() / 1000);

/**
 * Everything the web view shows: the channel and each private chat, built from what the bot
 * asked the emulator (sent, edited, deleted, refused) and what people typed. Bubbles keep a
 * stable key, so an edit replaces its bubble and is marked as edited.
 */
export function createTranscript(fake: FakeBotApi) {
  const byKey = new Map<string, ViewMessage>();
  const listeners = new Set<(event: SandboxEvent) => void>();
  /** Which chat a callback or inline query came from, to place its answer. */
  const queryChats = new Map<string, string>();
  const inlineWaiters = new Map<string, (results: unknown[], nextOffset: string) => void>();
  let seq = 0;

  const emit = (event: SandboxEvent) => {
    for (const listener of listeners) listener(event);
  };

  const chatKey = (chatId: unknown): string | undefined => {
    if (chatId === TEST_CHANNEL.id || chatId === `@${TEST_CHANNEL.username}`) return "channel";
    if (String(chatId) === String(TEST_CHANNEL.id)) return "channel";
    const id = Number(chatId);
    return Number.isSafeInteger(id) && id > 0 ? `u${id}` : undefined;
  };

  const put = (message: ViewMessage) => {
    byKey.set(message.key, message);
    emit({ type: "message", message });
  };

  /** Re-reads a bot message from the emulator and shows its current state. */
  const refresh = (chatId: unknown, messageId: number) => {
    const chat = chatKey(chatId);
    if (!chat) return;
    const stored = fake
      .messages(chatId === undefined ? undefined : (chatId as number | string))
      .find((m) => m.messageId === messageId);
    if (!stored) return;
    const key = `bot:${stored.chatId}:${stored.messageId}`;
    const before = byKey.get(key);
    put(botMessageView(stored, chat, before?.seq ?? ++seq, before?.date ?? unixNow()));
  };

  const refusal = (call: RecordedCall) => {
    if (QUIET.has(call.method.toLowerCase())) return;
    const p = call.payload;
    const queryId = p.callback_query_id ?? p.inline_query_id;
    const chat = chatKey(p.chat_id) ?? (queryId ? queryChats.get(String(queryId)) : undefined);
    if (!chat) return;
    const retryAfter = /retry after (\d+)/.exec(call.description ?? "")?.[1];
    put({
      seq: ++seq,
      chat,
      key: `refusal:${seq}`,
      from: "telegram",
      kind: "refusal",
      text: "",
      entities: [],
      date: unixNow(),
      refusal: {
        method: call.method,
        ...(call.errorCode !== undefined ? { code: call.errorCode } : {}),
        description: call.description ?? "no answer",
        ...(retryAfter ? { retryAfter: Number(retryAfter) } : {}),
      },
    });
  };

  fake.onCall((call, result) => {
    const method = call.method.toLowerCase();
    const p = call.payload;
    if (!call.ok) return refusal(call);
    if (SENDS.has(method)) {
      const sent = result as { message_id: number; chat: { id: number } };
      refresh(sent.chat.id, sent.message_id);
    } else if (CHANGES.has(method) && p.chat_id !== undefined) {
      refresh(p.chat_id, Number(p.message_id));
    } else if (method === "sendchataction") {
      const chat = chatKey(p.chat_id);
      if (chat) emit({ type: "typing", chat });
    } else if (method === "answercallbackquery" && typeof p.text === "string" && p.text) {
      const chat = queryChats.get(String(p.callback_query_id));
      if (chat) emit({ type: "toast", chat, text: p.text, alert: p.show_alert === true });
    } else if (method === "answerinlinequery") {
      const results = (typeof p.results === "string" ? JSON.parse(p.results) : p.results) as
        | unknown[]
        | undefined;
      inlineWaiters.get(String(p.inline_query_id))?.(
        results ?? [],
        typeof p.next_offset === "string" ? p.next_offset : "",
      );
    }
  });

  return {
    /** Bubbles of one chat ("channel" or "u<id>"), oldest first. */
    chat(chat: string): ViewMessage[] {
      return [...byKey.values()].filter((m) => m.chat === chat).sort((a, b) => a.seq - b.seq);
    },

    /** Shows what a person typed (or shared via the bot) in their chat. */
    addUserMessage(
      chat: string,
      text: string,
      entities: StoredEntity[] = [],
      via?: string,
    ): ViewMessage {
      const message: ViewMessage = {
        seq: ++seq,
        chat,
        key: `user:${seq}`,
        from: "user",
        kind: "text",
        text,
        entities,
        date: unixNow(),
        ...(via ? { via } : {}),
      };
      put(message);
      return message;
    },

    /** Remembers which chat a query came from, so its answer lands there. */
    noteQuery(queryId: string, chat: string): void {
      queryChats.set(queryId, chat);
    },

    /** Waits (up to `timeoutMs`) for the bot to answer an inline query. */
    inlineAnswer(
      queryId: string,
      timeoutMs: number,
    ): Promise<{ results: unknown[]; nextOffset: string } | undefined> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          inlineWaiters.delete(queryId);
          resolve(undefined);
        }, timeoutMs);
        inlineWaiters.set(queryId, (results, nextOffset) => {
          clearTimeout(timer);
          inlineWaiters.delete(queryId);
          resolve({ results, nextOffset });
        });
      });
    },

    /** The Message a button press refers to, as Telegram puts it in a callback query. */
    messageForButton(chatId: number, messageId: number): Message | undefined {
      const stored = fake.messages(chatId).find((m) => m.messageId === messageId && !m.deleted);
      if (!stored) return undefined;
      const bot = {
        id: TEST_BOT_INFO.id,
        is_bot: true,
        first_name: TEST_BOT_INFO.first_name,
        username: TEST_BOT_INFO.username,
      };
      return {
        message_id: stored.messageId,
        date: byKey.get(`bot:${chatId}:${messageId}`)?.date ?? unixNow(),
        chat: { id: chatId, type: "private", first_name: "Sandbox" },
        from: bot,
        ...(stored.kind === "text"
          ? { text: stored.text, ...(stored.entities.length ? { entities: stored.entities } : {}) }
          : { caption: stored.text, photo: [] }),
        ...(stored.replyMarkup ? { reply_markup: stored.replyMarkup } : {}),
      } as unknown as Message;
    },

    emitChannelState(removed: boolean): void {
      emit({ type: "channel", removed });
    },

    subscribe(listener: (event: SandboxEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type Transcript = ReturnType<typeof createTranscript>;
