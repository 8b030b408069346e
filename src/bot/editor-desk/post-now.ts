import type { PublishOutcome } from "../../publishing/publisher.js";
import { QueueError } from "../../publishing/queue-errors.js";
import type { EditorDesk } from "./desk.js";

/** What an editor sees at once after "Post now", until the outcome replaces it. */
export const POSTING_TEXT = "⏳ Posting…";

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
): void {
  desk.background.run("post now", async () => {
    let result: PostNowResult;
    try {
      result = await postNowFor(desk, itemId);
    } catch (error) {
      desk.logger.error({ err: error, itemId }, "post now failed");
      result = { ok: false, reason: "an unexpected error; the item is still queued", stale: false };
    }
    await report(result);
  });
}
