import { MIMEType } from "node:util";
import { Agent, fetch as undiciFetch } from "undici";
import { FeedError, FeedFetchError, FeedUrlNotAllowedError } from "./feed-errors.js";
import {
  assertFeedUrlAllowed,
  type FeedUrlPolicy,
  guardedConnectLookup,
} from "./feed-url-safety.js";

export const FEED_USER_AGENT = "NewsroomBot/0.1 (+https://github.com/newsroom-bot/newsroom-bot)";
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_FEED_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, " +
  "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

/** Content types that can never be a feed, refused before their body is read. */
const NOT_A_FEED =
  /^(image|video|audio|font|model)\/|^application\/(pdf|zip|gzip-compressed|x-rar|msword|vnd\.)/;

export interface FetchFeedOptions extends FeedUrlPolicy {
  /** Validators saved from the previous successful fetch (conditional GET). */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly userAgent?: string;
}

export type FetchFeedResult =
  | { readonly status: "not-modified" }
  | {
      readonly status: "ok";
      readonly body: Uint8Array;
      readonly contentType: string | null;
      readonly etag: string | null;
      readonly lastModified: string | null;
      /** Where the feed was found after redirects; relative links resolve against it. */
      readonly url: string;
    };

/** The function the feed service uses to fetch; replaceable in tests. */
export type FetchFeed = (url: string, options: FetchFeedOptions) => Promise<FetchFeedResult>;

function refuseContentType(contentType: string | null): void {
  if (!contentType) return;
  let essence: string;
  try {
    essence = new MIMEType(contentType).essence;
  } catch {
    return;
  }
  if (NOT_A_FEED.test(essence)) {
    throw new FeedFetchError(`the server sent ${essence}, which cannot be a feed`, undefined, {
      problem: { code: "content-type", type: essence },
    });
  }
}

/** What readCapped needs of a response (undici's and the global Response both fit). */
interface StreamedResponse {
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
}

async function readCapped(response: StreamedResponse, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  const tooLarge = () =>
    new FeedFetchError(
      `the feed is larger than ${(maxBytes / 1024 / 1024).toFixed(0)} MB`,
      undefined,
      {
        problem: { code: "too-large", mb: Math.round(maxBytes / 1024 / 1024) },
      },
    );
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

function describeNetworkError(error: unknown, timeoutMs: number): FeedFetchError {
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new FeedFetchError(
      `the server did not answer within ${Math.round(timeoutMs / 100) / 10} s`,
      undefined,
      {
        cause: error,
        problem: { code: "timeout", seconds: Math.round(timeoutMs / 100) / 10 },
      },
    );
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return new FeedFetchError(`the server could not be reached (${detail})`, undefined, {
    cause: error,
    problem: { code: "unreachable", detail: String(detail) },
  });
}

/**
 * Fetches a feed with Node's fetch: a User-Agent naming the bot, conditional GET (ETag /
 * Last-Modified; a 304 means nothing new), a timeout over the whole exchange, a body cap
 * enforced while streaming, at most `maxRedirects` redirects with every target checked by
 * the URL policy, and content types that cannot be a feed refused.
 * @throws FeedFetchError or FeedUrlNotAllowedError with the reason.
 */
export const fetchFeed: FetchFeed = async (url, options) => {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = {
    "user-agent": options.userAgent ?? FEED_USER_AGENT,
    accept: ACCEPT,
  };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;

  const visited = new Set<string>();
  let current = (await assertFeedUrlAllowed(url, options)).href;
  // The socket checks the address it connects to as well (see guardedConnectLookup).
  const dispatcher = new Agent({ connect: { lookup: guardedConnectLookup(options) } });
  try {
    for (let hops = 0; ; hops++) {
      visited.add(current);
      const response = await undiciFetch(current, {
        headers,
        redirect: "manual",
        signal,
        dispatcher,
      });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location)
          throw new FeedFetchError(
            `the server answered ${response.status} without saying where to go`,
          );
        const next = new URL(location, current).href;
        if (visited.has(next))
          throw new FeedFetchError("the server redirects in a loop", undefined, {
            problem: { code: "redirect-loop" },
          });
        if (hops + 1 > maxRedirects)
          throw new FeedFetchError(
            `the server redirected more than ${maxRedirects} times`,
            undefined,
            {
              problem: { code: "too-many-redirects", max: maxRedirects },
            },
          );
        current = (await assertFeedUrlAllowed(next, options)).href;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { status: "not-modified" };
      }
      if (!response.ok) {
        await response.body?.cancel();
        const text = response.statusText ? ` ${response.statusText}` : "";
        throw new FeedFetchError(`the server answered ${response.status}${text}`, response.status, {
          problem: { code: "http-status", status: response.status },
        });
      }
      const contentType = response.headers.get("content-type");
      refuseContentType(contentType);
      const body = await readCapped(response, maxBytes);
      return {
        status: "ok",
        body,
        contentType,
        etag: response.headers.get("etag"),
        lastModified: response.headers.get("last-modified"),
        url: current,
      };
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof FeedUrlNotAllowedError) throw cause;
    throw describeNetworkError(error, timeoutMs);
  } finally {
    await dispatcher.destroy().catch(() => undefined);
  }
};
