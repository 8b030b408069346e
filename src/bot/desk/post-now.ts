import type { PublishOutcome } from "../../publishing/publisher.js";
import {
  NotDueYetError,
  NothingDueError,
  QueueEmptyError,
  QueueError,
  QueueItemNotFoundError,
} from "../../publishing/queue-errors.js";
import type { DeskMessages } from "../i18n/index.js";
import type { EditorDesk } from "./desk.js";
import { shownTime } from "./formatters/desk-text.js";

/** "Post now" as plain data: what the publisher did, or why it could not (no such item, …). */
export type PostNowResult =
  | { readonly ok: true; readonly outcome: PublishOutcome }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly stale: boolean;
      /** The item is scheduled for later: the editor is asked to confirm posting it early. */
      readonly scheduled?: { readonly itemId: number; readonly notBefore: number };
    };

/**
 * Runs the publisher's postNow (the same path as the scheduler). Queue errors become a reason
 * for the editor, in their language; a missing publisher says so instead of failing. `early`
 * posts an item scheduled for later (the editor confirmed).
 */
export async function postNowFor(
  desk: EditorDesk,
  d: DeskMessages,
  itemId?: number,
  options: { early?: boolean } = {},
): Promise<PostNowResult> {
  if (!desk.publisher) return { ok: false, reason: d.noPublisher, stale: false };
  const when = (at: number) => shownTime(at, desk.timezone, d.locale);
  try {
    return { ok: true, outcome: await desk.publisher.postNow(itemId, options) };
  } catch (error) {
    if (error instanceof NotDueYetError) {
      return {
        ok: false,
        reason: d.scheduledFor(error.itemId, when(error.notBefore)),
        stale: false,
        scheduled: { itemId: error.itemId, notBefore: error.notBefore },
      };
    }
    if (error instanceof NothingDueError) {
      return { ok: false, reason: d.nothingDue(when(error.nextAt)), stale: false };
    }
    if (error instanceof QueueError) {
      const stale = itemId !== undefined && !(error instanceof QueueEmptyError);
      const reason =
        error instanceof QueueEmptyError
          ? d.queueIsEmpty
          : error instanceof QueueItemNotFoundError
            ? d.noSuchItem(error.itemId)
            : error.message;
      return { ok: false, reason, stale };
    }
    throw error;
  }
}

/**
 * When item `itemId` is queued with a "not before" time still ahead, that time: "Post now" then
 * asks the editor first instead of posting (the publisher refuses it too, without `early`).
 */
export function scheduledFor(desk: EditorDesk, itemId: number): number | undefined {
  const item = desk.queue.get(itemId);
  return item?.state === "queued" && item.notBefore !== null && item.notBefore > desk.now()
    ? item.notBefore
    : undefined;
}

/**
 * "Post now" without holding the editor's chat: the delivery (which may wait out a 429, retry
 * a 5xx or wait for the channel's pacing window) runs in the background, and `report` gets
 * the outcome (usually by editing the "Posting…" message). An unexpected failure is reported
 * too, so the editor is never left looking at "Posting…".
 */
export function postNowInBackground(
  desk: EditorDesk,
  d: DeskMessages,
  itemId: number | undefined,
  report: (result: PostNowResult) => Promise<unknown>,
  options: { early?: boolean } = {},
): void {
  desk.background.run("post now", async () => {
    let result: PostNowResult;
    try {
      result = await postNowFor(desk, d, itemId, options);
    } catch (error) {
      desk.logger.error({ err: error, itemId }, "post now failed");
      result = { ok: false, reason: d.unexpectedError, stale: false };
    }
    await report(result);
  });
}
