import type { ArticleProblem } from "../../../articles/article-problem.js";
import type { IntakeResult, ItemSummary } from "../../../editorial/article-intake.js";
import type { DeskMessages } from "../../i18n/index.js";
import { escapeHtml, shownTime } from "./desk-text.js";

/** "item #3, position 2, planned 12 Mar 2025, 10:30 GMT+3" or why there is no planned time. */
export function whereInQueue(
  d: DeskMessages,
  item: ItemSummary,
  timezone: string,
  paused: boolean,
): string {
  if (item.position === null) return d.itemInState(item.id, d.stateName(item.state));
  const when =
    item.state === "sending"
      ? d.beingPostedNow
      : item.plannedAt !== null
        ? d.planned(shownTime(item.plannedAt, timezone, d.locale))
        : paused
          ? d.pausedResume
          : d.noRunAhead;
  return d.itemWhere(item.id, item.position, when);
}

/** The status line of an intake: what was stored and where it stands in the queue. */
export function intakeStatusHtml(
  d: DeskMessages,
  result: Extract<IntakeResult, { status: "accepted" }>,
  timezone: string,
  paused: boolean,
): string {
  const stored =
    result.stored === "created"
      ? d.storedCreated(result.articleId)
      : result.stored === "updated"
        ? d.storedUpdated(result.articleId)
        : d.storedSame(result.articleId);
  const where = escapeHtml(whereInQueue(d, result.item, timezone, paused));
  switch (result.enqueued) {
    case "queued":
      return d.queued(stored, where);
    case "already-queued":
      return d.alreadyQueued(stored, where);
    case "already-posted":
      return d.alreadyPosted(stored);
  }
}

/** Why a text was not taken, in the editor's language. */
export const refusedHtml = (d: DeskMessages, problem: ArticleProblem): string =>
  d.notQueued(escapeHtml(d.articleProblem(problem)));
