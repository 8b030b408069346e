import type { PublishOutcome } from "../../publishing/publisher.js";
import { escapeHtml, shownTime } from "./admin-text.js";

/** What "Post now" did, as a short plain sentence (fits a button answer: ≤ 200 characters). */
export function publishOutcomeText(outcome: PublishOutcome): string {
  const text = (() => {
    switch (outcome.status) {
      case "posted":
        return outcome.plainFallback
          ? `Posted to the channel (as plain text: Telegram refused the formatting).`
          : "Posted to the channel.";
      case "failed":
        return `Telegram refused the post; it is marked failed: ${outcome.reason}`;
      case "retry-later":
        return `Not delivered yet; it stays queued and is tried again: ${outcome.reason}`;
      case "paused":
        return `The channel refused the bot, so publishing is paused: ${outcome.reason}`;
      case "unknown":
        return `Telegram may or may not have the post (${outcome.reason}); it is held and the editors are asked.`;
    }
  })();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** The same as an HTML message line, with the item and article named. */
export function publishOutcomeHtml(outcome: PublishOutcome): string {
  const icon = outcome.status === "posted" ? "✅" : "⚠️";
  return `${icon} Item #${outcome.itemId} (article ${outcome.articleId}): ${escapeHtml(publishOutcomeText(outcome))}`;
}

/** The question before posting an item early: when it was planned, and the choice. */
export function scheduledQuestionHtml(itemId: number, notBefore: number, timezone: string): string {
  return `⏰ Item #${itemId} is scheduled for <b>${shownTime(notBefore, timezone)}</b>. Post it now, before its time?`;
}
