/**
 * What can go wrong when a post is delivered, as the publisher needs to tell the cases apart.
 * The Telegram gateway maps the Bot API's answers to these; the publisher never sees grammY.
 */
export class DeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Telegram asked to wait (429) longer than the retry transformer would. */
export class RateLimitedError extends DeliveryError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The bot may not post there: removed from the channel (403), chat not found, bad token (401). */
export class ChannelForbiddenError extends DeliveryError {}

/** Telegram could not parse the post's HTML (400 "can't parse entities"). */
export class BadMarkupError extends DeliveryError {}

/** Any other refusal of this particular request (400): retrying the same post will not help. */
export class BadRequestError extends DeliveryError {}

/**
 * The answer was lost after the request may have reached Telegram (the connection closed after
 * the request was written, a body that is not JSON, a cut or late answer): the post may be in
 * the channel or not. Never retried blindly; editors decide.
 */
export class OutcomeUnknownError extends DeliveryError {}

/** Network failure, timeout or Telegram 5xx that outlasted the retries: worth trying later. */
export class TransientDeliveryError extends DeliveryError {}

/** The reason text kept with a queue item. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 500);
  return String(error).slice(0, 500);
}
