import type { ArticleInput } from "./article.js";

/**
 * Who a feed item is within its feed. Different guids are different articles whatever their
 * links; without a guid the link with its fragment is the identity, plus the headline where
 * the feed gives one link to several items.
 */
export interface ItemIdentity {
  /** The key stored for the item: its guid; else its link (+ "\n" + headline); else "title:" + headline. */
  readonly key: string;
  /** Guid-less items only: the link with its fragment. */
  readonly link: string | null;
  /** The headline, normalised (see normaliseForHash). */
  readonly title: string;
  /** Guid-less items whose link this fetch lists more than once: told apart by headline. */
  readonly sharedLink: boolean;
}

/** One item of one fetch, ready for the archive. */
export interface FeedItemInput {
  readonly article: ArticleInput;
  readonly identity: ItemIdentity;
  /**
   * Fingerprints of what the feed says for the item: the listing kept first, then the other
   * listings of the same item in this fetch (ignored, but they never count as a change).
   */
  readonly hashes: readonly string[];
}
