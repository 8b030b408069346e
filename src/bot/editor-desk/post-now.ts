import type { PublishOutcome } from "../../publishing/publisher.js";
import { NotDueYetError, NothingDueError, QueueError } from "../../publishing/queue-errors.js";
import { shownTime } from "../formatters/admin-text.js";
import type { EditorDesk } from "./desk.js";

/** What an editor sees at once after "Post now", until the outcome replaces it. */
export const POSTING_TEXT = "⏳ Posting…";

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
 * for the editor; a missing publisher says so instead of failing. `early` posts an item
 * scheduled for later (the editor confirmed).
 */
export async function postNowFor(
  desk: EditorDesk,
  itemId?: number,
  options: { early?: boolean } = {},
): Promise<PostNowResult> {
  if (!desk.publisher) {
    return {
      ok: false,
      reason: "publishing is not set up in this bot (no CHANNEL_ID?)",
      stale: false,
    };
  }
  try {
    return { ok: true, outcome: await desk.publisher.postNow(itemId, options) };
  } catch (error) {
    if (error instanceof NotDueYetError) {
      const when = shownTime(error.notBefore, desk.timezone);
      return {
        ok: false,
        reason: `item #${error.itemId} is scheduled for ${when}`,
        stale: false,
        scheduled: { itemId: error.itemId, notBefore: error.notBefore },
      };
    }
    if (error instanceof NothingDueError) {
      const when = shownTime(error.nextAt, desk.timezone);
      return {
        ok: false,
        reason: `nothing is due yet: the next item is scheduled for ${when} (/postnow <ID> posts one early)`,
        stale: false,
      };
    }
    if (error instanceof QueueError) {
      const stale = itemId !== undefined && error.name !== "QueueEmptyError";
      return { ok: false, reason: error.message, stale };
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
  itemId: number | undefined,
  report: (result: PostNowResult) => Promise<unknown>,
  options: { early?: boolean } = {},
): void {
  desk.background.run("post now", async () => {
    let result: PostNowResult;
    try {
      result = await postNowFor(desk, itemId, options);
    } catch (error) {
      desk.logger.error({ err: error, itemId }, "post now failed");
      result = { ok: false, reason: "an unexpected error; the item is still queued", stale: false };
    }
    await report(result);
  });
}
