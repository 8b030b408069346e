/**
 * Why a feed could not be added or polled. Every message is fit to show an editor as it is:
 * it says what was wrong with the feed, never how the code failed.
 */
export class FeedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    // Whatever went into the message (a URL, a server's words), control characters never reach an editor.
    super(message.replace(/\p{Cc}+/gu, " "), options);
    this.name = "FeedError";
  }
}

/** The URL is not one the bot may fetch (scheme, private address, malformed). */
export class FeedUrlNotAllowedError extends FeedError {
  constructor(message: string) {
    super(message);
    this.name = "FeedUrlNotAllowedError";
  }
}

/** The server could not be reached or answered with something that cannot be a feed. */
export class FeedFetchError extends FeedError {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "FeedFetchError";
  }
}

/** The bytes arrived but are not a feed we can read (an HTML page, broken XML, empty). */
export class FeedParseError extends FeedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FeedParseError";
  }
}

/** A feed id that is not in the database. */
export class FeedNotFoundError extends FeedError {
  constructor(readonly feedId: number) {
    super(`there is no feed with id ${feedId}`);
    this.name = "FeedNotFoundError";
  }
}
