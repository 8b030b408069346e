import type { Db } from "./connection.js";

/** The editors' answer when the bot cannot know whether Telegram took a post. */
export type EditorChoice = "in-channel" | "send-again";

/** What the delivery rules need to know about one queue item beyond its queue state. */
export interface DeliveryRecord {
  readonly id: number;
  readonly articleId: number;
  readonly state: string;
  /** Restarts in a row that found it in flight. */
  readonly interruptions: number;
  /** Set while it is held as "outcome unknown". */
  readonly unknownSince: number | null;
  readonly lastError: string | null;
  readonly editorChoice: EditorChoice | null;
  readonly editorChoiceBy: number | null;
}

interface Row {
  id: number;
  article_id: number;
  state: string;
  interruptions: number;
  unknown_since: number | null;
  last_error: string | null;
  editor_choice: EditorChoice | null;
  editor_choice_by: number | null;
}

const toRecord = (r: Row): DeliveryRecord => ({
  id: r.id,
  articleId: r.article_id,
  state: r.state,
  interruptions: r.interruptions,
  unknownSince: r.unknown_since,
  lastError: r.last_error,
  editorChoice: r.editor_choice,
  editorChoiceBy: r.editor_choice_by,
});

const COLUMNS =
  "id, article_id, state, interruptions, unknown_since, last_error, editor_choice, editor_choice_by";
/** Send attempts are kept this long: well past the 61 s pacing window. */
const KEEP_ATTEMPTS_MS = 10 * 60_000;

/** SQL for the delivery rules: send attempts, items in flight, "outcome unknown" holds. */
export function createDeliveryRepository(db: Db) {
  const byId = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM publish_queue WHERE id = ?`);
  const inFlight = db.prepare<[string], Row>(
    `SELECT ${COLUMNS} FROM publish_queue
     WHERE channel = ? AND state = 'sending' AND unknown_since IS NULL ORDER BY position, id`,
  );
  const held = db.prepare<[string], Row>(
    `SELECT ${COLUMNS} FROM publish_queue
     WHERE channel = ? AND state = 'sending' AND unknown_since IS NOT NULL ORDER BY unknown_since`,
  );
  const attempt = db.prepare<[string, number]>(
    "INSERT INTO channel_sends (channel, sent_at) VALUES (?, ?)",
  );
  const prune = db.prepare<[number]>("DELETE FROM channel_sends WHERE sent_at < ?");
  const attemptsSince = db
    .prepare<[string, number]>(
      "SELECT sent_at FROM channel_sends WHERE channel = ? AND sent_at >= ? ORDER BY sent_at",
    )
    .pluck();
  const hold = db.prepare(
    `UPDATE publish_queue SET unknown_since = @at, last_error = @reason, attempts = attempts + 1,
       editor_choice = NULL, editor_choice_by = NULL, editor_choice_at = NULL, updated_at = @at
     WHERE id = @id AND state = 'sending' AND unknown_since IS NULL`,
  );
  const requeueInterrupted = db.prepare(
    `UPDATE publish_queue SET state = 'queued', interruptions = interruptions + 1,
       attempts = attempts + 1, last_error = @reason, updated_at = @at
     WHERE id = @id AND state = 'sending' AND unknown_since IS NULL`,
  );
  const clearInterruptions = db.prepare<[number]>(
    "UPDATE publish_queue SET interruptions = 0 WHERE id = ? AND interruptions > 0",
  );
  const inChannel = db.prepare(
    `UPDATE publish_queue SET state = 'posted', posted_hash = @hash, posted_at = @at,
       unknown_since = NULL, interruptions = 0, last_error = NULL,
       editor_choice = 'in-channel', editor_choice_by = @by, editor_choice_at = @at, updated_at = @at
     WHERE id = @id AND state = 'sending' AND unknown_since IS NOT NULL`,
  );
  const sendAgain = db.prepare(
    `UPDATE publish_queue SET state = 'queued', position = @position, not_before = NULL,
       unknown_since = NULL, interruptions = 0,
       editor_choice = 'send-again', editor_choice_by = @by, editor_choice_at = @at, updated_at = @at
     WHERE id = @id AND state = 'sending' AND unknown_since IS NOT NULL`,
  );

  return {
    find: (id: number): DeliveryRecord | undefined => {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    /** Items left `sending` (a crash or a kill while in flight), not those held for editors. */
    listInFlight: (channel: string): DeliveryRecord[] => inFlight.all(channel).map(toRecord),
    /** Items held as "outcome unknown", oldest first. */
    listHeld: (channel: string): DeliveryRecord[] => held.all(channel).map(toRecord),
    /** Counts one send attempt to `channel`, before the request goes out. */
    recordSendAttempt: (channel: string, at: number): void => {
      attempt.run(channel, at);
      prune.run(at - KEEP_ATTEMPTS_MS);
    },
    /** When sends to `channel` were attempted since `from`, oldest first. */
    sendAttemptsSince: (channel: string, from: number): number[] =>
      attemptsSince.all(channel, from) as number[],
    /** sending → held as "outcome unknown" (still `sending`, never claimed again). */
    holdUnknown: (id: number, reason: string, at: number): boolean =>
      hold.run({ id, reason, at }).changes > 0,
    /** sending → queued after a restart found it in flight, counting the interruption. */
    requeueInterrupted: (id: number, reason: string, at: number): boolean =>
      requeueInterrupted.run({ id, reason, at }).changes > 0,
    /** A try ended with a known outcome: interruptions no longer follow one another. */
    clearInterruptions: (id: number): void => {
      clearInterruptions.run(id);
    },
    /** An editor saw the post in the channel: posted, without a message id to edit. */
    resolveInChannel: (id: number, by: number, hash: string, at: number): boolean =>
      inChannel.run({ id, by, hash, at }).changes > 0,
    /** An editor asked to send it again: queued at `position` (first in line). */
    resolveSendAgain: (id: number, by: number, position: number, at: number): boolean =>
      sendAgain.run({ id, by, position, at }).changes > 0,
  };
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>;
