import { type Api, HttpError, type Transformer } from "grammy";
import { isGroupLike } from "../../delivery/send-budget.js";
import { priorityOverride } from "../../delivery/send-priority.js";
import {
  type AttemptResult,
  createSendScheduler,
  type SendPriority,
  type SendScheduler,
} from "../../delivery/send-scheduler.js";
import { isRepeatable, wasNeverDelivered } from "./network-errors.js";

/** Whose chats are whose, so the scheduler can serve the channel and the editors first. */
export interface SendRouting {
  /** CHANNEL_ID as configured (`@name` or `-100…`). */
  readonly channel?: string | undefined;
  /** ADMIN_IDS */
  readonly editors?: readonly number[];
}

export interface ApiTransformerOptions {
  /** The one scheduler of the process; a fresh one when absent (a lone Api in a test). */
  readonly scheduler?: SendScheduler;
  readonly routing?: SendRouting;
  /** Retries of one request after a 429 or a 5xx. Default 5. */
  readonly maxRetryAttempts?: number;
  /** Longest `retry_after` waited out; a longer one is handed to the caller. Default 60 s. */
  readonly maxDelaySeconds?: number;
  /** First pause after a 5xx, doubled after each. Default 3 s. */
  readonly serverBackoffSeconds?: number;
  /** Retries of one request after a network failure that may be repeated. Default 3. */
  readonly maxNetworkRetries?: number;
  /** First pause after a network failure, doubled after each. Default 3 s. */
  readonly networkBackoffSeconds?: number;
}

type ApiResult = Awaited<ReturnType<Parameters<Transformer>[0]>>;

/** Calls that put a message in a chat and so count against Telegram's limits. */
function sendsMessage(method: string, payload: Record<string, unknown>): boolean {
  return (
    /^(send|copy|forward|edit)/.test(method) &&
    method !== "sendChatAction" &&
    payload.chat_id !== undefined
  );
}

function priorityOf(chatId: string, routing: SendRouting): SendPriority {
  const chosen = priorityOverride();
  if (chosen) return chosen;
  if (routing.channel !== undefined && chatId === routing.channel) return "channel";
  if (routing.editors?.includes(Number(chatId))) return "editor";
  return "reader";
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("request aborted while waiting to retry"));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("request aborted while waiting to retry"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The retry rules of one request, as tries the scheduler runs:
 * - 429: wait `retry_after` (applied to the chat, or to every chat when a private chat hit the
 *   overall limit), then again; up to maxRetryAttempts, and never a wait over maxDelaySeconds;
 * - 5xx: growing pauses, up to maxRetryAttempts;
 * - a network failure: again only when the request cannot have reached Telegram (connection
 *   refused, name not resolved) or repeating it is harmless (answers, edits, reads). A message
 *   whose answer was lost is never sent again blindly: the caller gets the HttpError.
 */
function tries(
  options: ApiTransformerOptions,
  call: () => Promise<ApiResult>,
  method: string,
  chatId: string | undefined,
  scheduler: SendScheduler,
) {
  const maxAttempts = options.maxRetryAttempts ?? 5;
  const maxDelay = options.maxDelaySeconds ?? 60;
  let serverBackoff = (options.serverBackoffSeconds ?? 3) * 1000;
  let networkBackoff = (options.networkBackoffSeconds ?? 3) * 1000;
  let telegramRetries = 0;
  let networkRetries = 0;
  const retry = (afterMs: number, wholeBudget = false): AttemptResult<ApiResult> => ({
    kind: "retry",
    afterMs,
    wholeBudget,
  });

  return async (): Promise<AttemptResult<ApiResult>> => {
    try {
      const result = await call();
      if (result.ok || telegramRetries >= maxAttempts) return { kind: "done", value: result };
      if (result.error_code === 429) {
        scheduler.noteRateLimited();
        const after = result.parameters?.retry_after ?? 1;
        if (after > maxDelay) return { kind: "done", value: result };
        telegramRetries++;
        return retry(after * 1000, chatId === undefined || !isGroupLike(chatId));
      }
      if (result.error_code >= 500) {
        telegramRetries++;
        const pause = serverBackoff;
        serverBackoff *= 2;
        return retry(pause);
      }
      return { kind: "done", value: result };
    } catch (error) {
      const again =
        error instanceof HttpError &&
        networkRetries < (options.maxNetworkRetries ?? 3) &&
        (wasNeverDelivered(error) || isRepeatable(method));
      if (!again) return { kind: "failed", error };
      networkRetries++;
      const pause = networkBackoff;
      networkBackoff *= 2;
      return retry(pause);
    }
  };
}

/**
 * The transformer that hands every Bot API call of an Api to the send scheduler: messages
 * (sends, copies, forwards, edits) wait in line within Telegram's limits; other calls (answers
 * to buttons and inline queries, reads) go at once. Both follow the same retry rules.
 */
export function scheduledCalls(
  scheduler: SendScheduler,
  options: ApiTransformerOptions = {},
): Transformer {
  const routing = options.routing ?? {};
  return async (prev, method, payload, signal) => {
    const body = (payload ?? {}) as Record<string, unknown>;
    const call = () => prev(method, payload, signal);
    if (sendsMessage(method, body)) {
      const chatId = String(body.chat_id);
      return scheduler.schedule({
        chatId,
        priority: priorityOf(chatId, routing),
        attempt: tries(options, call, method, chatId, scheduler),
        signal: signal as AbortSignal | undefined,
      });
    }
    const attempt = tries(options, call, method, undefined, scheduler);
    for (;;) {
      const result = await attempt();
      if (result.kind === "done") return result.value;
      if (result.kind === "failed") throw result.error;
      await wait(result.afterMs, signal as AbortSignal | undefined);
    }
  };
}

/**
 * Installs the scheduler on an Api: on `bot.api`, on the channel's Api and on the fresh Api a
 * conversation gets (through its plugins), all with the same scheduler.
 */
export function installApiTransformers(api: Api, options: ApiTransformerOptions = {}): void {
  api.config.use(scheduledCalls(options.scheduler ?? createSendScheduler(), options));
}
