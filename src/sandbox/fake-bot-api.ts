/**
 * A local fake of the Telegram Bot API for bot tests: a node:http server on 127.0.0.1 that
 * grammY's real client talks to (`client: { apiRoot: fake.apiRoot }`), that stores what the bot
 * sent and refuses what Telegram refuses, with Telegram's error shapes
 * (`{ ok: false, error_code, description, parameters? }`, HTTP status = error_code).
 *
 * What it refuses:
 * - a wrong token (401 "Unauthorized"), an unknown method (404 "Not Found"; method names are
 *   case-insensitive, as in Telegram);
 * - HTML that Telegram cannot parse (400 "Bad Request: can't parse entities: … at byte offset N"):
 *   unsupported tags, unclosed or mismatched tags, a bare `<`, `<span>` without class tg-spoiler;
 *   stricter than Telegram, also a `&` that does not start `&lt; &gt; &amp; &quot;` or `&#…;`;
 * - text empty or over 4096 / caption over 1024 UTF-16 units, counted after parsing and trimming;
 * - inline keyboards: callback_data outside 1–64 UTF-8 bytes (BUTTON_DATA_INVALID), buttons with
 *   no or several actions, url buttons that are not http(s)/tg (BUTTON_URL_INVALID), > 100 buttons;
 * - flood: the (N+1)th send within 60 s to one channel or group (`@name` or a negative id;
 *   default N = 20) and the (M+1)th send within 1 s overall (default M = 30) get
 *   429 "Too Many Requests: retry after S" with parameters.retry_after. Only successful sends
 *   (sendMessage, sendPhoto) count: edits, deletions, chat actions and refused calls do not.
 *   Private chats have no per-chat limit (Telegram tolerates short bursts there);
 * - edits to identical content (400 "message is not modified: …"), unknown or deleted messages
 *   ("message to edit not found", "message to delete not found"), a reply to a missing message;
 * - chats set up with `botIsMember: false` (403 "Forbidden: bot is not a member of the channel
 *   chat"; for private chats "Forbidden: bot was blocked by the user"); unknown `@usernames`
 *   (400 "chat not found");
 * - answerCallbackQuery text over 200 characters, answering one query twice; answerInlineQuery
 *   with > 50 results, ids not 1–64 bytes or repeated, article results without title or with
 *   message text that would be refused as a message;
 * - setMyCommands: > 100 commands, commands not `[a-z0-9_]{1,32}`, descriptions not 1–256;
 * - getUpdates while a webhook is set, or when a newer getUpdates takes over (409 Conflict);
 *   setWebhook with a non-https URL or a bad secret_token.
 *
 * What it simplifies: the channel TEST_CHANNEL (`@newsroom_test`, id -1001234567890) is known
 * from the start, with the bot as its administrator; unknown numeric chat ids need no set-up (positive: private chat, at or
 * below -1000000000000: channel, other negative: group); message ids count per chat from 1;
 * photos are never fetched (an http(s) URL, a file_id or an upload is accepted); only HTML
 * parse_mode is parsed (explicit `entities` are stored as sent); `<a>` without href gives no
 * entity; edits by inline_message_id answer `true` and are not tracked; a webhook is recorded
 * and updates reach it only through `deliverUpdate` (to a local origin standing in for the
 * public URL's reverse proxy); long polls wait in real time (the `now` option moves only the
 * flood windows, dates and `at`); callback and inline query ids are not checked against updates.
 */
import type { Update } from "grammy/types";
import { TEST_BOT_INFO, TEST_CHANNEL, TEST_TOKEN } from "./fake-bot-api/bot-identity.js";
import { FailurePlan } from "./fake-bot-api/failures.js";
import { commandsKey } from "./fake-bot-api/methods/commands.js";
import { startServer } from "./fake-bot-api/server.js";
import { FakeState, type InternalMessage } from "./fake-bot-api/state.js";
import type {
  CallListener,
  ChatSetup,
  FakeBotApi,
  FakeBotApiOptions,
  FakeFailure,
  RecordedCall,
  StoredMessage,
} from "./fake-bot-api/types.js";

export { HtmlParseError, parseTelegramHtml } from "./fake-bot-api/telegram-html.js";
export type {
  CallListener,
  ChatSetup,
  ChatType,
  FakeBotApi,
  FakeBotApiOptions,
  FakeFailure,
  RecordedCall,
  StoredEntity,
  StoredMessage,
} from "./fake-bot-api/types.js";
export { TEST_BOT_INFO, TEST_CHANNEL, TEST_TOKEN };

/** A plain copy of a stored message, without the fake's bookkeeping. */
function publicMessage(m: InternalMessage): StoredMessage {
  const { chat: _chat, date: _date, editDate: _editDate, fileId: _fileId, ...rest } = m;
  const copy = structuredClone(rest) as StoredMessage & Record<string, unknown>;
  for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
  return copy;
}

/** Starts a fake Bot API server on 127.0.0.1 (random port); close() it after the test. */
export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const state = new FakeState(TEST_TOKEN, options.now ?? Date.now, options);
  const failures = new FailurePlan();
  const calls: RecordedCall[] = [];
  const listeners = new Set<CallListener>();
  const onCall = (call: RecordedCall, result: unknown) => {
    for (const listener of listeners) listener(call, result);
  };
  const running = await startServer({ state, failures, calls, onCall });

  return {
    apiRoot: running.apiRoot,
    token: TEST_TOKEN,
    calls,
    callsTo: (method) => calls.filter((c) => c.method.toLowerCase() === method.toLowerCase()),
    messages: (chatId) => {
      if (typeof chatId === "string" && chatId.startsWith("@") && !state.chats.knows(chatId))
        return [];
      const chat = chatId === undefined ? undefined : state.chats.resolve(chatId);
      return state.messages
        .filter((m) => chat === undefined || m.chat.id === chat.id)
        .map(publicMessage);
    },
    failNext: (method: string, failure: FakeFailure, times = 1, chatId?: number | string) =>
      failures.add(method, failure, times, chatId),
    setChat: (chatId: number | string, chat: ChatSetup) => {
      state.chats.set(chatId, chat);
    },
    pushUpdate: (update: Update) => state.updates.push(update),
    commands: (scope, languageCode) => [
      ...(state.commands.get(commandsKey(state, scope, languageCode)) ?? []),
    ],
    get polling() {
      return state.updates.polling;
    },
    get webhookUrl() {
      return state.webhook.url;
    },
    onCall: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get webhook() {
      return structuredClone(state.webhook);
    },
    deliverUpdate: async (update: Update, via: string) => {
      const { url, secretToken } = state.webhook;
      if (url === "") throw new Error("fake Bot API: no webhook is set");
      const target = new URL(url);
      const response = await fetch(new URL(target.pathname + target.search, via), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secretToken ? { "x-telegram-bot-api-secret-token": secretToken } : {}),
        },
        body: JSON.stringify(update),
      });
      return { status: response.status, body: await response.text() };
    },
    reset: () => {
      calls.length = 0;
      failures.clear();
      state.reset();
    },
    close: () => running.close(),
  };
}
