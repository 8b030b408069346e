import type { IntakeResult, ItemSummary } from "../../editorial/article-intake.js";
import { escapeHtml, shownTime } from "./admin-text.js";

/** "position 2, planned 10:30 12.03.2025" or why there is no planned time. */
export function whereInQueue(item: ItemSummary, timezone: string, paused: boolean): string {
  if (item.position === null) return `item #${item.id} is ${item.state}`;
  const when =
    item.state === "sending"
      ? "being posted now"
      : item.plannedAt !== null
        ? `planned ${shownTime(item.plannedAt, timezone)}`
        : paused
          ? "publishing is paused (/resume)"
          : "no scheduled run ahead";
  return `item #${item.id}, position ${item.position}, ${when}`;
}

/** The line above a preview: what was stored and where it stands in the queue. */
export function intakeStatusHtml(
  result: Extract<IntakeResult, { status: "accepted" }>,
  timezone: string,
  paused: boolean,
): string {
  const article = `article ${result.articleId}`;
  const stored =
    result.stored === "created"
      ? `Stored as ${article}`
      : result.stored === "updated"
        ? `Already in the archive as ${article}; its text was updated`
        : `Already in the archive as ${article}`;
  const where = whereInQueue(result.item, timezone, paused);
  switch (result.enqueued) {
    case "queued":
      return `✅ ${stored} and queued: ${where}.\nPreview of the post:`;
    case "already-queued":
      return `ℹ️ ${stored}; it is already queued: ${where}.\nPreview of the post:`;
    case "already-posted":
      return `ℹ️ ${stored}; it was already posted to the channel, so it is not queued again.`;
  }
}

/** Why a text was not taken. */
export const refusedHtml = (reason: string): string => `❌ Not queued: ${escapeHtml(reason)}.`;
