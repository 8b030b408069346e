import type { ArticlesRepository } from "../db/articles-repository.js";
import type { FeedItemRecord, FeedItemsRepository } from "../db/feed-items-repository.js";
import type { Article, ArticleFields, StoreResult, Visibility } from "./article.js";
import { toArticleFields, updatedFields } from "./article-fields.js";
import { normaliseForHash } from "./content-hash.js";
import type { FeedItemInput, ItemIdentity } from "./feed-item.js";

export interface FeedItemStoreDeps {
  readonly articles: ArticlesRepository;
  readonly feedItems: FeedItemsRepository;
  /** A stored article that is the same story from another source (canonical URL, text hash). */
  readonly otherSource: (fields: ArticleFields, feedId: number | null) => Article | undefined;
}

/** The same text, picture and link: nothing a reader would see as changed. */
export function sameContent(article: Article, fields: ArticleFields): boolean {
  return (
    article.contentHash === fields.contentHash &&
    article.imageUrl === (fields.imageUrl ?? article.imageUrl) &&
    article.url === (fields.url ?? article.url)
  );
}

/**
 * Stores feed items by their identity within the feed (see ItemIdentity): an item already
 * known updates its article only when the feed now says something else for it and the feed
 * is the article's own source; an unknown item that another source already brought is
 * recorded as "also in this feed" and never rewrites that article. Runs inside the caller's
 * transaction.
 */
export function createFeedItemStore({ articles, feedItems, otherSource }: FeedItemStoreDeps) {
  const titleOf = (articleId: number) =>
    normaliseForHash(articles.findById(articleId)?.title ?? "");

  /** The record of this item in its feed, found by key, or for guid-less items by link. */
  function findOwn(feedId: number, identity: ItemIdentity): FeedItemRecord | undefined {
    const { link, title } = identity;
    if (link === null) return feedItems.find(feedId, identity.key);
    const titled = feedItems.find(feedId, `${link}\n${title}`);
    if (titled) return titled;
    const plain = feedItems.find(feedId, link);
    if (!plain) return undefined;
    // One link for several items: only the same headline is the same item.
    const titleMatters = identity.sharedLink || feedItems.hasTitledKeys(feedId, link);
    return !titleMatters || titleOf(plain.articleId) === title ? plain : undefined;
  }

  function update(existing: Article, fields: ArticleFields, at: number): StoreResult {
    articles.update(existing.id, updatedFields(existing, fields), at);
    return { status: "updated", article: articles.findById(existing.id)!, previous: existing };
  }

  return {
    /**
     * Stores one item of feed `feedId`; a new article gets `visibility`.
     * @throws InvalidArticleError when the item cannot be an article even cut to length.
     */
    store(
      feedId: number,
      item: FeedItemInput,
      visibility: Visibility,
      at: number,
    ): StoreResult & { readonly cut: boolean } {
      const fields = toArticleFields({ ...item.article, feedId }, at, { cutLongBody: true });
      const cut = fields.bodyCut;
      const [hash = ""] = item.hashes;
      const key = item.identity.key;
      const known = findOwn(feedId, item.identity);
      if (known) {
        const article = articles.findById(known.articleId)!;
        if (known.itemKey !== key) feedItems.save({ ...known, itemKey: key }, at);
        // Unknown until now (older archives), or said before: not a change.
        if (known.itemHash === null || item.hashes.includes(known.itemHash)) {
          if (known.itemHash === null) feedItems.recordHash(feedId, key, hash, at);
          return { status: "duplicate", article, alsoIn: !known.own, cut };
        }
        feedItems.recordHash(feedId, key, hash, at);
        if (!known.own || sameContent(article, fields)) {
          return { status: "duplicate", article, alsoIn: !known.own, cut };
        }
        return { ...update(article, fields, at), cut };
      }
      const duplicate = otherSource(fields, feedId);
      if (duplicate) {
        feedItems.save(
          { feedId, itemKey: key, articleId: duplicate.id, own: false, itemHash: hash },
          at,
        );
        return { status: "duplicate", article: duplicate, alsoIn: true, cut };
      }
      const id = articles.insert(fields, at, visibility);
      feedItems.save({ feedId, itemKey: key, articleId: id, own: true, itemHash: hash }, at);
      const article: Article = {
        ...fields,
        id,
        createdAt: at,
        updatedAt: null,
        updateCount: 0,
        visibility,
      };
      return { status: "created", article, cut };
    },
  };
}
