import type { Visibility } from "../articles/article.js";
import type { ArticleService } from "../articles/article-service.js";
import type { FeedItemInput } from "../articles/feed-item.js";
import type { Logger } from "../logger.js";
import type { FeedArticles } from "./feed-to-articles.js";
import { identifyItems } from "./item-identity.js";

/** What one fetch of a feed did to the archive. */
export interface StoredFetch {
  /** Items the feed offered (after the per-feed cap), each listing counted once. */
  readonly found: number;
  /** Articles new to the archive. */
  readonly created: number;
  /** Of those, the ids meant for the queue (private until posted). */
  readonly toQueue: readonly number[];
  /** Articles whose own source item really changed. */
  readonly updated: number;
  /** Items that are stories already stored from another source ("also in this feed"). */
  readonly alsoIn: number;
  /** Items stored with their text cut to the archive's length. */
  readonly cut: number;
  /** Why items could not be stored, one entry per item. */
  readonly refused: readonly string[];
}

/** Which new items of a fetch go to the queue. */
export type QueuePlan =
  /** Adding a feed: none, or the newest `latest` items. */
  | { readonly kind: "added"; readonly latest: number }
  /** A later fetch: every new item, except those published before `notBefore` (archived only). */
  | { readonly kind: "later"; readonly notBefore: number };

export interface StoreFetchOptions {
  readonly feedId: number;
  /** False for store-only feeds and when there is no channel to queue for. */
  readonly canQueue: boolean;
  readonly plan: QueuePlan;
}

const NOTHING_IN_IT = "an item had neither a headline nor text";

/**
 * Stores the items of one fetch (inside the caller's transaction) by their identity in the
 * feed, oldest first so archive ids follow publication order, and says which new ones to queue.
 * New articles meant for the queue are stored private, all others public.
 */
export function storeFetch(
  articles: Pick<ArticleService, "storeFeedItems">,
  parsed: Pick<FeedArticles, "items" | "skipped">,
  { feedId, canQueue, plan }: StoreFetchOptions,
): StoredFetch {
  // Feeds list newest first (feedToArticles orders them so).
  const items = identifyItems(parsed.items);
  const wanted = new Set<FeedItemInput>(
    !canQueue
      ? []
      : plan.kind === "added"
        ? items.slice(0, plan.latest)
        : items.filter((item) => (item.article.publishedAt ?? plan.notBefore) >= plan.notBefore),
  );
  const oldestFirst = [...items].sort(
    (a, b) => (a.article.publishedAt ?? 0) - (b.article.publishedAt ?? 0),
  );
  const visibilityOf = (item: FeedItemInput): Visibility =>
    wanted.has(item) ? "private" : "public";
  const results = articles.storeFeedItems(feedId, oldestFirst, visibilityOf);
  const toQueue: number[] = [];
  const refused: string[] = Array.from({ length: parsed.skipped }, () => NOTHING_IN_IT);
  let created = 0;
  let updated = 0;
  let alsoIn = 0;
  let cut = 0;
  results.forEach((result, i) => {
    if (result.status === "invalid") {
      refused.push(result.reason);
      return;
    }
    if (result.cut) cut++;
    if (result.status === "created") {
      created++;
      if (wanted.has(oldestFirst[i]!)) toQueue.push(result.article.id);
    } else if (result.status === "updated") updated++;
    else if (result.alsoIn) alsoIn++;
  });
  return { found: items.length, created, toQueue, updated, alsoIn, cut, refused };
}

/** One line for editors: how many items were refused and the first reason. */
export function refusedSummary(refused: readonly string[]): string | null {
  if (refused.length === 0) return null;
  const reasons = [...new Set(refused)];
  const more =
    reasons.length > 1
      ? ` (and ${reasons.length - 1} other reason${reasons.length > 2 ? "s" : ""})`
      : "";
  return `${reasons[0]}${more}`;
}

/**
 * Queues the ids a fetch meant for the channel; an article that cannot be queued is made
 * public instead (it is then simply archived), so no story stays hidden by a failure.
 * Returns how many were queued.
 */
export function queueStored(
  ids: readonly number[],
  enqueue: (articleId: number) => void,
  articles: Pick<ArticleService, "makePublic">,
  logger: Logger,
  feedId: number,
): number {
  let queued = 0;
  for (const id of ids) {
    try {
      enqueue(id);
      queued++;
    } catch (error) {
      articles.makePublic(id);
      logger.error({ feedId, articleId: id, err: error }, "could not queue a new feed article");
    }
  }
  return queued;
}
