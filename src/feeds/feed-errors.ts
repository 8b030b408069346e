/**
 * Why a feed could not be added or polled, as data, for the bot to word in an editor's language
 * (the error's message says it in English: logs, the command line, the stored last error).
 */
export type FeedProblem =
  | { readonly code: "invalid-url" }
  | { readonly code: "scheme"; readonly scheme: string }
  | { readonly code: "credentials" }
  | { readonly code: "internal-host"; readonly host: string }
  | { readonly code: "private-address"; readonly host: string }
  | { readonly code: "dns"; readonly host: string }
  | { readonly code: "no-addresses"; readonly host: string }
  | { readonly code: "content-type"; readonly type: string }
  | { readonly code: "too-large"; readonly mb: number }
  | { readonly code: "timeout"; readonly seconds: number }
  | { readonly code: "unreachable"; readonly detail: string }
  | { readonly code: "redirect-loop" }
  | { readonly code: "too-many-redirects"; readonly max: number }
  | { readonly code: "http-status"; readonly status: number }
  | { readonly code: "gzip-broken" }
  | { readonly code: "empty" }
  | { readonly code: "json-not-feed" }
  | { readonly code: "html-page" }
  | { readonly code: "not-a-feed" }
  | { readonly code: "malformed" }
  | { readonly code: "exists"; readonly feedId: number }
  | { readonly code: "not-found"; readonly feedId: number };

export interface FeedErrorOptions {
  readonly cause?: unknown;
  readonly problem?: FeedProblem;
}

/**
 * Why a feed could not be added or polled. Every message is fit to show an editor as it is:
 * it says what was wrong with the feed, never how the code failed.
 */
export class FeedError extends Error {
  // Private, so errors still compare by class and message (as tests and logs see them).
  readonly #problem: FeedProblem | undefined;

  constructor(message: string, options?: FeedErrorOptions) {
    // Whatever went into the message (a URL, a server's words), control characters never reach an editor.
    super(
      message.replace(/\p{Cc}+/gu, " "),
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = "FeedError";
    this.#problem = options?.problem;
  }

  /** The reason as data, when the thrower gave one. */
  get problem(): FeedProblem | undefined {
    return this.#problem;
  }
}

/** The URL is not one the bot may fetch (scheme, private address, malformed). */
export class FeedUrlNotAllowedError extends FeedError {
  constructor(message: string, problem?: FeedProblem) {
    super(message, problem ? { problem } : undefined);
    this.name = "FeedUrlNotAllowedError";
  }
}

/** The server could not be reached or answered with something that cannot be a feed. */
export class FeedFetchError extends FeedError {
  constructor(
    message: string,
    readonly status?: number,
    options?: FeedErrorOptions,
  ) {
    super(message, options);
    this.name = "FeedFetchError";
  }
}

/** The bytes arrived but are not a feed we can read (an HTML page, broken XML, empty). */
export class FeedParseError extends FeedError {
  constructor(message: string, options?: FeedErrorOptions) {
    super(message, options);
    this.name = "FeedParseError";
  }
}

/** A feed id that is not in the database. */
export class FeedNotFoundError extends FeedError {
  constructor(readonly feedId: number) {
    super(`there is no feed with id ${feedId}`, { problem: { code: "not-found", feedId } });
    this.name = "FeedNotFoundError";
  }
}

/** The feed is already in the list (same address after normalisation). */
export class FeedExistsError extends FeedError {
  constructor(readonly feedId: number) {
    super(`this feed is already added (id ${feedId})`, { problem: { code: "exists", feedId } });
    this.name = "FeedExistsError";
  }
}
