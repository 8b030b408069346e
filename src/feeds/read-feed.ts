import { decodeFeedBytes } from "./decode-feed-bytes.js";
import {
  type FeedArticles,
  type FeedToArticlesOptions,
  feedToArticles,
} from "./feed-to-articles.js";
import { parseFeedText } from "./parse-feed.js";

export interface ReadFeedOptions extends FeedToArticlesOptions {
  /** The HTTP Content-Type, whose charset (if any) names the encoding. */
  readonly contentType?: string | null;
}

/**
 * Bytes of a feed (as fetched or as a file) → articles ready for the archive: gunzip, decode,
 * parse any of RSS/RDF/Atom/JSON Feed, clean.
 * @throws FeedParseError when the bytes are not a readable feed, with the reason.
 */
export function readFeed(bytes: Uint8Array, opts: ReadFeedOptions = {}): FeedArticles {
  const text = decodeFeedBytes(bytes, opts.contentType);
  return feedToArticles(parseFeedText(text), opts);
}
