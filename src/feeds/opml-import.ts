import type { Feed } from "./feed.js";
import { FeedError, FeedExistsError, type FeedProblem } from "./feed-errors.js";
import type { AddFeedResult } from "./feed-service.js";
import type { OpmlEntry } from "./opml.js";

/** What importing one OPML outline did. */
export type OpmlOutcome =
  | {
      readonly status: "added";
      readonly url: string;
      readonly feed: Feed;
      readonly created: number;
    }
  | { readonly status: "present"; readonly url: string; readonly feedId: number }
  | {
      readonly status: "refused";
      readonly url: string;
      readonly reason: string;
      readonly problem?: FeedProblem | undefined;
    };

export interface OpmlImportDeps {
  addFeed(url: string): Promise<AddFeedResult>;
}

/**
 * Adds each listed feed with the usual checks (address allowed, fetched once, really a feed),
 * one after another, and says what became of each. A refused feed never stops the others.
 */
export async function importOpmlEntries(
  deps: OpmlImportDeps,
  entries: readonly OpmlEntry[],
): Promise<OpmlOutcome[]> {
  const outcomes: OpmlOutcome[] = [];
  for (const { url } of entries) {
    try {
      const result = await deps.addFeed(url);
      outcomes.push({ status: "added", url, feed: result.feed, created: result.created });
    } catch (error) {
      if (error instanceof FeedExistsError) {
        outcomes.push({ status: "present", url, feedId: error.feedId });
      } else if (error instanceof FeedError) {
        outcomes.push({ status: "refused", url, reason: error.message, problem: error.problem });
      } else {
        throw error;
      }
    }
  }
  return outcomes;
}
