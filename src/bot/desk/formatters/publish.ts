import type { PublishOutcome } from "../../../publishing/publisher.js";
import type { DeskMessages } from "../../i18n/index.js";
import { escapeHtml, shownTime } from "./desk-text.js";

/** What "Post now" did, as a short plain sentence (fits a button answer: ≤ 200 characters). */
export function publishOutcomeText(d: DeskMessages, outcome: PublishOutcome): string {
  const text = (() => {
    switch (outcome.status) {
      case "posted":
        return outcome.plainFallback ? d.postedPlain : d.posted;
      case "failed":
        return d.markedFailed(outcome.reason);
      case "retry-later":
        return d.retryLater(outcome.reason);
      case "paused":
        return d.channelRefusedPaused(outcome.reason);
      case "unknown":
        return d.outcomeUnknown(outcome.reason);
    }
  })();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** The same as an HTML message line, with the item and article named. */
export function publishOutcomeHtml(d: DeskMessages, outcome: PublishOutcome): string {
  const icon = outcome.status === "posted" ? "✅" : "⚠️";
  const line = d.outcomeLine(outcome.itemId, outcome.articleId, publishOutcomeText(d, outcome));
  return `${icon} ${escapeHtml(line)}`;
}

/** The question before posting an item early: when it was planned, and the choice. */
export function scheduledQuestionHtml(
  d: DeskMessages,
  itemId: number,
  notBefore: number,
  timezone: string,
): string {
  return d.postEarlyQuestionHtml(itemId, escapeHtml(shownTime(notBefore, timezone, d.locale)));
}
