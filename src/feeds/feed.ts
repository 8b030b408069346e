import type { FeedProblem } from "./feed-errors.js";

/** A feed the bot polls, as stored. Times are Unix milliseconds. */
export interface Feed {
  readonly id: number;
  readonly url: string;
  readonly title: string | null;
  /** New items are archived but not queued for the channel. */
  readonly storeOnly: boolean;
  /** Polling is paused: the feed is not fetched until it is turned on again. */
  readonly paused: boolean;
  /** New items are queued only when they contain one of these (if any); see feed-rules.ts. */
  readonly includeWords: readonly string[];
  /** New items containing one of these are archived but never queued. */
  readonly excludeWords: readonly string[];
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastFetchedAt: number | null;
  readonly lastSuccessAt: number | null;
  /** Why the last poll failed; null after a success. */
  readonly lastError: string | null;
  /** The same reason as data, when known (the desk words it in the editor's language). */
  readonly lastProblem: FeedProblem | null;
  /** Failures in a row; drives the backoff. */
  readonly failureCount: number;
  readonly nextFetchAt: number;
  /** Articles this feed has added to the archive. */
  readonly itemCount: number;
  /** Items the last fetch could not store, and the (first) reason. */
  readonly lastRefused: number;
  readonly lastRefusedReason: string | null;
  readonly createdAt: number;
}
