import type { Feed } from "../feeds/feed.js";
import type { FeedProblem } from "../feeds/feed-errors.js";
import type { Db } from "./connection.js";

interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  store_only: number;
  paused: number;
  include_words: string;
  exclude_words: string;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_problem: string | null;
  failure_count: number;
  next_fetch_at: number;
  item_count: number;
  created_at: number;
  last_refused: number;
  last_refused_reason: string | null;
}

/** A stored JSON word list; anything unreadable counts as no words. */
function wordList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((w): w is string => typeof w === "string") : [];
  } catch {
    return [];
  }
}

/** A stored failure reason (JSON); anything unreadable counts as unknown. */
function problemOf(json: string | null): FeedProblem | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && "code" in value
      ? (value as FeedProblem)
      : null;
  } catch {
    return null;
  }
}

/** A change to a feed's rules; fields left out stay as they are. */
export interface FeedRulesPatch {
  readonly storeOnly?: boolean;
  readonly paused?: boolean;
  readonly includeWords?: readonly string[];
  readonly excludeWords?: readonly string[];
}

function toFeed(row: FeedRow): Feed {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    storeOnly: row.store_only === 1,
    paused: row.paused === 1,
    includeWords: wordList(row.include_words),
    excludeWords: wordList(row.exclude_words),
    etag: row.etag,
    lastModified: row.last_modified,
    lastFetchedAt: row.last_fetched_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    lastProblem: problemOf(row.last_problem),
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
    "SELECT * FROM feeds WHERE next_fetch_at <= ? AND paused = 0 ORDER BY next_fetch_at, id",
  );
  const rules = db.prepare(`UPDATE feeds SET
    store_only = coalesce(@store_only, store_only), paused = coalesce(@paused, paused),
    include_words = coalesce(@include_words, include_words),
    exclude_words = coalesce(@exclude_words, exclude_words)
    WHERE id = @id`);
  const insert = db.prepare(`INSERT INTO feeds
    (url, title, store_only, etag, last_modified, last_fetched_at, last_success_at, next_fetch_at, created_at)
    VALUES (@url, @title, @store_only, @etag, @last_modified, @fetched_at, @fetched_at, @next_fetch_at, @fetched_at)`);
  const success = db.prepare(`UPDATE feeds SET
    title = coalesce(@title, title), etag = @etag, last_modified = @last_modified,
    last_fetched_at = @fetched_at, last_success_at = @fetched_at, last_error = NULL, last_problem = NULL, failure_count = 0,
    next_fetch_at = @next_fetch_at, item_count = item_count + @created
    WHERE id = @id`);
  const failure = db.prepare(`UPDATE feeds SET
    last_fetched_at = @fetched_at, last_error = @error, last_problem = @problem, failure_count = failure_count + 1, next_fetch_at = @next_fetch_at
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
    recordFailure: (
      id: number,
      error: string,
      fetchedAt: number,
      nextFetchAt: number,
      problem?: FeedProblem,
    ): void => {
      failure.run({
        id,
        error,
        problem: problem ? JSON.stringify(problem) : null,
        fetched_at: fetchedAt,
        next_fetch_at: nextFetchAt,
      });
    },
    /** What the last fetch could not store: how many items, and why. */
    recordRefused: (id: number, count: number, reason: string | null): void => {
      refused.run(count, reason, id);
    },
    addItemCount: (id: number, created: number): void => {
      addItems.run(created, id);
    },
    /** Changes a feed's rules; true when the feed exists. */
    setRules: (id: number, patch: FeedRulesPatch): boolean => {
      const flag = (v: boolean | undefined) => (v === undefined ? null : v ? 1 : 0);
      const words = (v: readonly string[] | undefined) =>
        v === undefined ? null : JSON.stringify(v);
      return (
        rules.run({
          id,
          store_only: flag(patch.storeOnly),
          paused: flag(patch.paused),
          include_words: words(patch.includeWords),
          exclude_words: words(patch.excludeWords),
        }).changes > 0
      );
    },
    /** Deletes the feed; its articles stay in the archive (feed_id becomes NULL). True when it existed. */
    delete: (id: number): boolean => remove.run(id).changes > 0,
  };
}

export type FeedsRepository = ReturnType<typeof createFeedsRepository>;
