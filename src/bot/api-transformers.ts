import { autoRetry } from "@grammyjs/auto-retry";
import { type Api, HttpError, type Transformer } from "grammy";

export interface ApiTransformerOptions {
  /** Retries of one request after a 429 or a 5xx (auto-retry's maxRetryAttempts). Default 5. */
  readonly maxRetryAttempts?: number;
  /** Longest `retry_after` waited out; a longer one fails the request. Default 60 s. */
  readonly maxDelaySeconds?: number;
  /** Retries of one request after a network failure (HttpError). Default 3. */
  readonly maxNetworkRetries?: number;
  /** First pause after a network failure, doubled after each. Default 3 s (auto-retry's 5xx pace). */
  readonly networkBackoffSeconds?: number;
}

/** The part of an abort signal this file needs (grammY's and the DOM's signals both fit). */
interface AbortLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

function pause(ms: number, signal: AbortLike | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
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
 * Retries a request that failed on the network, a bounded number of times with exponential
 * backoff. auto-retry also retries network errors, but without bound (its maxRetryAttempts
 * does not count them), so it is told to rethrow them to this transformer instead.
 */
export function retryNetworkErrors(maxRetries: number, backoffSeconds: number): Transformer {
  return async (prev, method, payload, signal) => {
    let delay = backoffSeconds * 1000;
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || attempt >= maxRetries || signal?.aborted) throw error;
        await pause(delay, signal);
        delay *= 2;
      }
    }
  };
}

/**
 * Installs the transformers every Bot API call of the bot goes through: auto-retry for 429
 * (waits `retry_after`, up to maxDelaySeconds) and 5xx (backoff), and bounded retries for
 * network failures. Call once on `bot.api` (and on the Api a conversation uses).
 */
export function installApiTransformers(api: Api, options: ApiTransformerOptions = {}): void {
  api.config.use(
    autoRetry({
      maxRetryAttempts: options.maxRetryAttempts ?? 5,
      maxDelaySeconds: options.maxDelaySeconds ?? 60,
      rethrowHttpErrors: true,
    }),
  );
  // Installed last, so it wraps auto-retry: a network failure inside a 429 wait is retried too.
  api.config.use(
    retryNetworkErrors(options.maxNetworkRetries ?? 3, options.networkBackoffSeconds ?? 3),
  );
}
