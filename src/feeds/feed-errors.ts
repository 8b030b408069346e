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
  | { readonly code: "too-deep"; readonly depth: number }
  | { readonly code: "read-too-long"; readonly seconds: number }
  | { readonly code: "not-modified-first" }
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

/** A feed error as it crosses a worker thread's boundary: plain data, its reason included. */
export interface FeedErrorData {
  readonly name: string;
  readonly message: string;
  readonly problem?: FeedProblem | undefined;
  readonly status?: number | undefined;
}

/** The error as plain data that survives structured cloning (a worker's message). */
export function feedErrorData(error: unknown): FeedErrorData {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const problem = error instanceof FeedError ? error.problem : undefined;
  const status = error instanceof FeedFetchError ? error.status : undefined;
  return { name: error.name, message: error.message, problem, status };
}

/**
 * The feed error again on this side of the boundary, with its class, message and reason; any
 * other error is not a feed problem but a fault of ours, kept apart so it is logged as one.
 */
export function feedErrorFromData(data: FeedErrorData): Error {
  const options = data.problem ? { problem: data.problem } : undefined;
  switch (data.name) {
    case "FeedParseError":
      return new FeedParseError(data.message, options);
    case "FeedFetchError":
      return new FeedFetchError(data.message, data.status, options);
    case "FeedError":
      return new FeedError(data.message, options);
    default:
      return new Error(`feed reader: ${data.name}: ${data.message}`);
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
