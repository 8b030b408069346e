import { createHash } from "node:crypto";
import type { ArticleInput } from "../articles/article.js";
import { normaliseForHash } from "../articles/content-hash.js";
import type { FeedItemInput, ItemIdentity } from "../articles/feed-item.js";

/** A fingerprint of everything the feed says for one listing of an item. */
export function itemHash(item: ArticleInput): string {
  const said = [
    item.title,
    item.body,
    item.url ?? null,
    item.imageUrl ?? null,
    item.publishedAt ?? null,
  ];
  return createHash("sha256").update(JSON.stringify(said)).digest("hex").slice(0, 32);
}

/**
 * The identity of each item of one fetch within its feed: the guid; without one, the link with
 * its fragment, and the link plus the headline where this fetch gives one link to several
 * items; without a link either, the headline. An item listed more than once keeps its first
 * listing; the others are remembered only so that they never count as a change.
 */
export function identifyItems(items: readonly ArticleInput[]): FeedItemInput[] {
  const linkCount = new Map<string, number>();
  for (const item of items) {
    if (item.guid || !item.url) continue;
    linkCount.set(item.url, (linkCount.get(item.url) ?? 0) + 1);
  }
  const byKey = new Map<
    string,
    { article: ArticleInput; identity: ItemIdentity; hashes: string[] }
  >();
  for (const item of items) {
    const title = normaliseForHash(item.title);
    let identity: ItemIdentity;
    if (item.guid) {
      identity = { key: item.guid, link: null, title, sharedLink: false };
    } else if (item.url) {
      const sharedLink = (linkCount.get(item.url) ?? 0) > 1;
      const key = sharedLink ? `${item.url}\n${title}` : item.url;
      identity = { key, link: item.url, title, sharedLink };
    } else {
      // The headline as the archive stores it (migration 005 filled older items the same way).
      const headline = item.title.replace(/\s+/g, " ").trim();
      identity = { key: `title:${headline}`, link: null, title, sharedLink: false };
    }
    const seen = byKey.get(identity.key);
    if (seen) seen.hashes.push(itemHash(item));
    else byKey.set(identity.key, { article: item, identity, hashes: [itemHash(item)] });
  }
  return [...byKey.values()];
}
