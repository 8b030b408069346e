import type { Db } from "./connection.js";

/** One item of one feed, and the article it is (see migrations/005-identity-visibility.sql). */
export interface FeedItemRecord {
  readonly feedId: number;
  readonly itemKey: string;
  readonly articleId: number;
  /** The item is the article's own source; false: the story came first from elsewhere. */
  readonly own: boolean;
  /** What the feed said for the item at its last fetch; null when not known yet. */
  readonly itemHash: string | null;
}

interface FeedItemRow {
  feed_id: number;
  item_key: string;
  article_id: number;
  own: number;
  item_hash: string | null;
}

const toRecord = (row: FeedItemRow): FeedItemRecord => ({
  feedId: row.feed_id,
  itemKey: row.item_key,
  articleId: row.article_id,
  own: row.own === 1,
  itemHash: row.item_hash,
});

/** SQL for feed_items: which article each feed item is, and what the feed last said for it. */
export function createFeedItemsRepository(db: Db) {
  const find = db.prepare<[number, string], FeedItemRow>(
    "SELECT * FROM feed_items WHERE feed_id = ? AND item_key = ?",
  );
  // Keys of one link with a headline appended sort right after the link's own "\n".
  const withPrefix = db
    .prepare<[number, string, string]>(
      "SELECT 1 FROM feed_items WHERE feed_id = ? AND item_key >= ? AND item_key < ? LIMIT 1",
    )
    .pluck();
  const upsert = db.prepare(
    `INSERT INTO feed_items (feed_id, item_key, article_id, own, item_hash, seen_at)
     VALUES (@feedId, @itemKey, @articleId, @own, @itemHash, @at)
     ON CONFLICT (feed_id, item_key) DO UPDATE SET
       article_id = excluded.article_id, own = excluded.own, item_hash = excluded.item_hash,
       seen_at = excluded.seen_at`,
  );
  const setHash = db.prepare<[string, number, number, string]>(
    "UPDATE feed_items SET item_hash = ?, seen_at = ? WHERE feed_id = ? AND item_key = ?",
  );
  const alsoIn = db
    .prepare<[number]>(
      "SELECT feed_id FROM feed_items WHERE article_id = ? AND own = 0 GROUP BY feed_id ORDER BY feed_id",
    )
    .pluck();

  return {
    find: (feedId: number, itemKey: string): FeedItemRecord | undefined => {
      const row = find.get(feedId, itemKey);
      return row && toRecord(row);
    },
    /** True when the feed has an item whose key is `link` + "\n" + a headline. */
    hasTitledKeys: (feedId: number, link: string): boolean =>
      withPrefix.get(feedId, `${link}\n`, `${link}\u000b`) !== undefined,
    save: (record: FeedItemRecord, at: number): void => {
      upsert.run({ ...record, own: record.own ? 1 : 0, at });
    },
    recordHash: (feedId: number, itemKey: string, itemHash: string, at: number): void => {
      setHash.run(itemHash, at, feedId, itemKey);
    },
    /** Feeds that carry the article as a story from another source ("also in feed X"). */
    alsoInFeeds: (articleId: number): number[] => alsoIn.all(articleId) as number[],
  };
}

export type FeedItemsRepository = ReturnType<typeof createFeedItemsRepository>;
