import type { StatsSnapshot } from "../../../stats/editor-stats.js";
import type { TelegramReachability } from "../../deps.js";
import type { DeskMessages } from "../../i18n/index.js";
import { escapeHtml, fitEntries, shortTitle, shownError, shownTime } from "./desk-text.js";
import { storedReason } from "./feeds.js";

/** The /stats message; with a warning line while Telegram has been unreachable for a while. */
export function statsHtml(
  d: DeskMessages,
  s: StatsSnapshot,
  timezone: string,
  telegram?: TelegramReachability,
): string {
  const time = (at: number) => escapeHtml(shownTime(at, timezone, d.locale));
  const publishing = s.paused
    ? d.publishingPaused(time(s.paused.at), s.paused.by === "telegram")
    : d.publishingRunning;
  const lines = [
    `<b>${d.statsTitle}</b>`,
    "",
    ...(telegram && !telegram.reachable && telegram.unreachableSince !== null
      ? [d.telegramUnreachable(time(telegram.unreachableSince)), ""]
      : []),
    d.articlesStored(s.articles),
    d.queuedLine(s.queued, s.failed),
    d.postedLine(s.postedToday, s.postedLast7Days),
    d.publishingLine(publishing),
    d.lastDeliveryError(
      s.lastDeliveryError
        ? `${shownError(s.lastDeliveryError.message)} (${time(s.lastDeliveryError.at)})`
        : undefined,
    ),
    "",
    d.feedsLine(s.feeds.total, s.feeds.healthy, s.feeds.failing, s.feeds.pending),
  ];
  const failing = s.failingFeeds.map(
    (feed) =>
      `\n   #${feed.id} ${shortTitle(feed.title?.trim() || feed.url, 100)}: ${storedReason(d, feed)}`,
  );
  // Many failing feeds could outgrow one message: /feeds has the full story of each.
  return fitEntries(
    { head: lines.join("\n"), entries: failing, separator: "", tail: "" },
    (left) => `\n   ${d.moreFailingFeeds(left)}`,
  );
}
