/** Where a queued post stands. queued → sending → posted | failed | removed. */
export type QueueState = "queued" | "sending" | "posted" | "failed" | "removed";

/** How a post was sent: a text message or a photo with a caption (edited differently). */
export type PostKind = "text" | "photo";

/** One article waiting for, or done with, its post to one channel. Times are Unix ms. */
export interface QueueItem {
  readonly id: number;
  readonly articleId: number;
  readonly channel: string;
  readonly state: QueueState;
  readonly position: number;
  readonly notBefore: number | null;
  readonly messageId: number | null;
  readonly messageKind: PostKind | null;
  /** content_hash of the article text the channel shows. */
  readonly postedHash: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly postedAt: number | null;
}

/** A live queue item with the article headline and when it should go out. */
export interface PlannedItem extends QueueItem {
  readonly title: string;
  /** The feed the article came from, if any (for "Remove all from this feed"). */
  readonly feedId: number | null;
  /** The scheduled run expected to post it; null while publishing is paused. */
  readonly plannedAt: number | null;
}
