import type { HttpError } from "grammy";

/** Failures that happen before a connection carries the request: Telegram never saw it. */
const NOT_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * True when the request cannot have reached Telegram. Anything else (a connection reset after
 * the request was written, an answer that is not JSON, a timeout, a cut answer) leaves the
 * outcome unknown: Telegram may have carried the call out.
 */
export function wasNeverDelivered(error: HttpError): boolean {
  const code = (error.error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && NOT_CONNECTED.has(code);
}

/** Calls whose repetition is harmless (reads, answers, edits): they may be retried blindly. */
export function isRepeatable(method: string): boolean {
  return method === "sendChatAction" || !/^(send|copy|forward)/.test(method);
}
