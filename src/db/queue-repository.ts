import type { PostKind, QueueItem, QueueState } from "../publishing/queue-item.js";
import type { Db } from "./connection.js";

interface QueueRow {
  id: number;
  article_id: number;
  channel: string;
  state: QueueState;
  position: number;
  not_before: number | null;
  message_id: number | null;
  message_kind: PostKind | null;
  posted_hash: string | null;
  attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  posted_at: number | null;
}

function toItem(row: QueueRow): QueueItem {
  return {
    id: row.id,
    articleId: row.article_id,
    channel: row.channel,
    state: row.state,
    position: row.position,
    notBefore: row.not_before,
    messageId: row.message_id,
    messageKind: row.message_kind,
    postedHash: row.posted_hash,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    postedAt: row.posted_at,
  };
}

const LIVE = "state IN ('queued', 'sending')";

/** SQL for the publication queue; returns plain objects. State rules live in the services. */
export function createQueueRepository(db: Db) {
  const byId = db.prepare<[number], QueueRow>("SELECT * FROM publish_queue WHERE id = ?");
  const liveFor = db.prepare<[number, string], QueueRow>(
    `SELECT * FROM publish_queue WHERE article_id = ? AND channel = ? AND ${LIVE}`,
  );
  const postedFor = db.prepare<[number, string], QueueRow>(
    "SELECT * FROM publish_queue WHERE article_id = ? AND channel = ? AND state = 'posted'",
  );
  const live = db.prepare<[string], QueueRow>(
    `SELECT * FROM publish_queue WHERE channel = ? AND ${LIVE}
     ORDER BY state = 'queued', position, id`,
  );
  const inState = db.prepare<[string, QueueState, number], QueueRow>(
    "SELECT * FROM publish_queue WHERE channel = ? AND state = ? ORDER BY updated_at DESC, id DESC LIMIT ?",
  );
  const firstQueued = db.prepare<[string], QueueRow>(
    "SELECT * FROM publish_queue WHERE channel = ? AND state = 'queued' ORDER BY position, id LIMIT 1",
  );
  const firstDue = db.prepare<[string, number], QueueRow>(
    `SELECT * FROM publish_queue WHERE channel = ? AND state = 'queued'
       AND (not_before IS NULL OR not_before <= ?)
     ORDER BY position, id LIMIT 1`,
  );
  const edges = db.prepare<[string], { lo: number | null; hi: number | null }>(
    `SELECT min(position) AS lo, max(position) AS hi FROM publish_queue WHERE channel = ? AND ${LIVE}`,
  );
  const insert = db.prepare(
    `INSERT INTO publish_queue (article_id, channel, state, position, not_before, created_at, updated_at)
     VALUES (@articleId, @channel, 'queued', @position, @notBefore, @at, @at)`,
  );
  const setPosition = db.prepare<[number, number, number]>(
    "UPDATE publish_queue SET position = ?, updated_at = ? WHERE id = ?",
  );
  const transition = db.prepare<[QueueState, number, number, QueueState]>(
    "UPDATE publish_queue SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
  );
  const claim = db.prepare<[number, number, number]>(
    "UPDATE publish_queue SET state = 'sending', sending_at = ?, updated_at = ? WHERE id = ? AND state = 'queued'",
  );
  const posted = db.prepare(
    `UPDATE publish_queue SET state = 'posted', message_id = @messageId, message_kind = @kind,
       posted_hash = @hash, posted_at = @at, updated_at = @at, last_error = NULL
     WHERE id = @id AND state = 'sending'`,
  );
  const released = db.prepare(
    `UPDATE publish_queue SET state = 'queued', attempts = attempts + 1, last_error = @error, updated_at = @at
     WHERE id = @id AND state = 'sending'`,
  );
  const failed = db.prepare(
    `UPDATE publish_queue SET state = 'failed', attempts = attempts + 1, last_error = @error, updated_at = @at
     WHERE id = @id AND state = 'sending'`,
  );
  const requeueFailed = db.prepare(
    `UPDATE publish_queue SET state = 'queued', position = @position, updated_at = @at
     WHERE id = @id AND state = 'failed'`,
  );
  const editedHash = db.prepare<[string, string | null, number, number]>(
    "UPDATE publish_queue SET posted_hash = ?, last_error = ?, updated_at = ? WHERE id = ?",
  );
  const sending = db.prepare<[string], QueueRow>(
    "SELECT * FROM publish_queue WHERE channel = ? AND state = 'sending' ORDER BY position, id",
  );
  const queuedOfFeed = db
    .prepare<[string, number]>(
      `SELECT q.id FROM publish_queue q JOIN articles a ON a.id = q.article_id
       WHERE q.channel = ? AND q.state = 'queued' AND a.feed_id = ? ORDER BY q.position, q.id`,
    )
    .pluck();
  const countState = db
    .prepare<[string, QueueState]>(
      "SELECT count(*) FROM publish_queue WHERE channel = ? AND state = ?",
    )
    .pluck();
  const countPostedSince = db
    .prepare<[string, number]>(
      "SELECT count(*) FROM publish_queue WHERE channel = ? AND state = 'posted' AND posted_at >= ?",
    )
    .pluck();

  const postedTimes = db
    .prepare<[string, number]>(
      "SELECT posted_at FROM publish_queue WHERE channel = ? AND state = 'posted' AND posted_at >= ? ORDER BY posted_at",
    )
    .pluck();

  const one = (row: QueueRow | undefined) => (row ? toItem(row) : undefined);

  return {
    findById: (id: number): QueueItem | undefined => one(byId.get(id)),
    findLive: (articleId: number, channel: string): QueueItem | undefined =>
      one(liveFor.get(articleId, channel)),
    findPosted: (articleId: number, channel: string): QueueItem | undefined =>
      one(postedFor.get(articleId, channel)),
    /** Sending items first, then queued ones in queue order. */
    listLive: (channel: string): QueueItem[] => live.all(channel).map(toItem),
    listInState: (channel: string, state: QueueState, limit: number): QueueItem[] =>
      inState.all(channel, state, limit).map(toItem),
    listSending: (channel: string): QueueItem[] => sending.all(channel).map(toItem),
    firstQueued: (channel: string): QueueItem | undefined => one(firstQueued.get(channel)),
    /** The first queued item whose not-before time has come by `at`. */
    firstDue: (channel: string, at: number): QueueItem | undefined =>
      one(firstDue.get(channel, at)),
    /** Smallest and largest position among live items (null when none). */
    positionEdges: (channel: string) => edges.get(channel) ?? { lo: null, hi: null },
    insert: (row: {
      articleId: number;
      channel: string;
      position: number;
      notBefore: number | null;
      at: number;
    }): number => Number(insert.run(row).lastInsertRowid),
    setPosition: (id: number, position: number, at: number): void => {
      setPosition.run(position, at, id);
    },
    /** Moves `id` from state `from` to `to`; false when it was not in `from`. */
    transition: (id: number, from: QueueState, to: QueueState, at: number): boolean =>
      transition.run(to, at, id, from).changes > 0,
    /** queued → sending; false when someone else took it first. */
    claim: (id: number, at: number): boolean => claim.run(at, at, id).changes > 0,
    markPosted: (
      id: number,
      messageId: number,
      kind: PostKind,
      hash: string,
      at: number,
    ): boolean => posted.run({ id, messageId, kind, hash, at }).changes > 0,
    /** sending → queued, counting the attempt. */
    release: (id: number, error: string, at: number): boolean =>
      released.run({ id, error, at }).changes > 0,
    markFailed: (id: number, error: string, at: number): boolean =>
      failed.run({ id, error, at }).changes > 0,
    requeueFailed: (id: number, position: number, at: number): boolean =>
      requeueFailed.run({ id, position, at }).changes > 0,
    /** Records what the channel post now shows after an edit (or why the edit failed). */
    recordEdit: (id: number, hash: string, error: string | null, at: number): void => {
      editedHash.run(hash, error, at, id);
    },
    /** Ids of the queued items whose articles came from feed `feedId`, in queue order. */
    queuedOfFeed: (channel: string, feedId: number): number[] =>
      queuedOfFeed.all(channel, feedId) as number[],
    count: (channel: string, state: QueueState): number => countState.get(channel, state) as number,
    countPostedSince: (channel: string, from: number): number =>
      countPostedSince.get(channel, from) as number,
    /** When posts to `channel` since `from` were accepted, oldest first. */
    postedTimesSince: (channel: string, from: number): number[] =>
      postedTimes.all(channel, from) as number[],
  };
}

export type QueueRepository = ReturnType<typeof createQueueRepository>;
