import type { PublishOutcome } from "../../publishing/publisher.js";
import { NotDueYetError, NothingDueError, QueueError } from "../../publishing/queue-errors.js";
import { shownTime } from "../formatters/admin-text.js";
import type { EditorDesk } from "./desk.js";

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
