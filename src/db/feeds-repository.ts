import type { Feed } from "../feeds/feed.js";
import type { Db } from "./connection.js";

interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  store_only: number;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  failure_count: number;
  next_fetch_at: number;
  item_count: number;
  created_at: number;
  last_refused: number;
  last_refused_reason: string | null;
}

function toFeed(row: FeedRow): Feed {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    storeOnly: row.store_only === 1,
    etag: row.etag,
    lastModified: row.last_modified,
    lastFetchedAt: row.last_fetched_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    failureCount: row.failure_count,
    nextFetchAt: row.next_fetch_at,
    itemCount: row.item_count,
    lastRefused: row.last_refused,
    lastRefusedReason: row.last_refused_reason,
    createdAt: row.created_at,
  };
}

export interface NewFeed {
  readonly url: string;
  readonly title: string | null;
  readonly storeOnly: boolean;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly fetchedAt: number;
  readonly nextFetchAt: number;
}

export interface FeedSuccess {
  readonly title: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly fetchedAt: number;
  readonly nextFetchAt: number;
  readonly created: number;
}

/** SQL for the feeds table; returns plain objects. */
export function createFeedsRepository(db: Db) {
  const byId = db.prepare<[number], FeedRow>("SELECT * FROM feeds WHERE id = ?");
  const byUrl = db.prepare<[string], FeedRow>("SELECT * FROM feeds WHERE url = ?");
  const all = db.prepare<[], FeedRow>("SELECT * FROM feeds ORDER BY id");
  const due = db.prepare<[number], FeedRow>(
    "SELECT * FROM feeds WHERE next_fetch_at <= ? ORDER BY next_fetch_at, id",
  );
  const insert = db.prepare(`INSERT INTO feeds
    (url, title, store_only, etag, last_modified, last_fetched_at, last_success_at, next_fetch_at, created_at)
    VALUES (@url, @title, @store_only, @etag, @last_modified, @fetched_at, @fetched_at, @next_fetch_at, @fetched_at)`);
  const success = db.prepare(`UPDATE feeds SET
    title = coalesce(@title, title), etag = @etag, last_modified = @last_modified,
    last_fetched_at = @fetched_at, last_success_at = @fetched_at, last_error = NULL, failure_count = 0,
    next_fetch_at = @next_fetch_at, item_count = item_count + @created
    WHERE id = @id`);
  const failure = db.prepare(`UPDATE feeds SET
    last_fetched_at = @fetched_at, last_error = @error, failure_count = failure_count + 1, next_fetch_at = @next_fetch_at
    WHERE id = @id`);
  const addItems = db.prepare<[number, number]>(
    "UPDATE feeds SET item_count = item_count + ? WHERE id = ?",
  );
  const remove = db.prepare<[number]>("DELETE FROM feeds WHERE id = ?");
  const refused = db.prepare<[number, string | null, number]>(
    "UPDATE feeds SET last_refused = ?, last_refused_reason = ? WHERE id = ?",
  );

  return {
    findById: (id: number): Feed | undefined => {
      const row = byId.get(id);
      return row && toFeed(row);
    },
    findByUrl: (url: string): Feed | undefined => {
      const row = byUrl.get(url);
      return row && toFeed(row);
    },
    list: (): Feed[] => all.all().map(toFeed),
    /** Feeds whose next fetch time has come, the longest-waiting first. */
    due: (now: number): Feed[] => due.all(now).map(toFeed),
    /** Stores a feed that was just fetched successfully; returns its id. */
    insert: (f: NewFeed): number =>
      Number(
        insert.run({
          url: f.url,
          title: f.title,
          store_only: f.storeOnly ? 1 : 0,
          etag: f.etag,
          last_modified: f.lastModified,
          fetched_at: f.fetchedAt,
          next_fetch_at: f.nextFetchAt,
        }).lastInsertRowid,
      ),
    /** A successful poll: clears the error and the backoff, keeps the new validators. */
    recordSuccess: (id: number, s: FeedSuccess): void => {
      success.run({
        id,
        title: s.title,
        etag: s.etag,
        last_modified: s.lastModified,
        fetched_at: s.fetchedAt,
        next_fetch_at: s.nextFetchAt,
        created: s.created,
      });
    },
    /** A failed poll: keeps the reason and pushes the next attempt back. */
    recordFailure: (id: number, error: string, fetchedAt: number, nextFetchAt: number): void => {
      failure.run({ id, error, fetched_at: fetchedAt, next_fetch_at: nextFetchAt });
    },
    /** What the last fetch could not store: how many items, and why. */
    recordRefused: (id: number, count: number, reason: string | null): void => {
      refused.run(count, reason, id);
    },
    addItemCount: (id: number, created: number): void => {
      addItems.run(created, id);
    },
    /** Deletes the feed; its articles stay in the archive (feed_id becomes NULL). True when it existed. */
    delete: (id: number): boolean => remove.run(id).changes > 0,
  };
}

export type FeedsRepository = ReturnType<typeof createFeedsRepository>;
