import type { PublishOutcome } from "../../publishing/publisher.js";
import { QueueError } from "../../publishing/queue-errors.js";
import type { EditorDesk } from "./desk.js";

/** "Post now" as plain data: what the publisher did, or why it could not (no such item, …). */
export type PostNowResult =
  | { readonly ok: true; readonly outcome: PublishOutcome }
  | { readonly ok: false; readonly reason: string; readonly stale: boolean };

/**
 * Runs the publisher's postNow (the same path as the scheduler). Queue errors become a reason
 * for the editor; a missing publisher says so instead of failing.
 */
export async function postNowFor(desk: EditorDesk, itemId?: number): Promise<PostNowResult> {
  if (!desk.publisher) {
    return {
      ok: false,
      reason: "publishing is not set up in this bot (no CHANNEL_ID?)",
      stale: false,
    };
  }
  try {
    return { ok: true, outcome: await desk.publisher.postNow(itemId) };
  } catch (error) {
    if (error instanceof QueueError) {
      const stale = itemId !== undefined && error.name !== "QueueEmptyError";
      return { ok: false, reason: error.message, stale };
    }
    throw error;
  }
}
