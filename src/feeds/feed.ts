/** A feed the bot polls, as stored. Times are Unix milliseconds. */
export interface Feed {
  readonly id: number;
  readonly url: string;
  readonly title: string | null;
  /** New items are archived but not queued for the channel. */
  readonly storeOnly: boolean;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastFetchedAt: number | null;
  readonly lastSuccessAt: number | null;
  /** Why the last poll failed; null after a success. */
  readonly lastError: string | null;
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
