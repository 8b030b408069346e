import type { StatsSnapshot } from "../../stats/editor-stats.js";
import type { TelegramReachability } from "../deps.js";
import { fitEntries, shortTitle, shownError, shownTime } from "./admin-text.js";

/** The /stats message; with a warning line while Telegram has been unreachable for a while. */
export function statsHtml(
  s: StatsSnapshot,
  timezone: string,
  telegram?: TelegramReachability,
): string {
  const publishing = s.paused
    ? `⏸ paused since ${shownTime(s.paused.at, timezone)}${s.paused.by === "telegram" ? " (Telegram refused the channel)" : ""} — /resume`
    : "▶️ running on schedule";
  const lines = [
    "<b>Newsroom stats</b>",
    "",
    ...(telegram && !telegram.reachable && telegram.unreachableSince !== null
      ? [
          `⚠️ Telegram unreachable since ${shownTime(telegram.unreachableSince, timezone)}: posts wait and are retried.`,
          "",
        ]
      : []),
    `Articles stored: ${s.articles}`,
    `Queued: ${s.queued}${s.failed ? ` · failed: ${s.failed}` : ""}`,
    `Posted today: ${s.postedToday} · last 7 days: ${s.postedLast7Days}`,
    `Publishing: ${publishing}`,
    `Last delivery error: ${
      s.lastDeliveryError
        ? `${shownError(s.lastDeliveryError.message)} (${shownTime(s.lastDeliveryError.at, timezone)})`
        : "none"
    }`,
    "",
    s.feeds.total === 0
      ? "Feeds: none"
      : `Feeds: ${s.feeds.total} · ok ${s.feeds.healthy} · failing ${s.feeds.failing}${s.feeds.pending ? ` · not fetched yet ${s.feeds.pending}` : ""}`,
  ];
  const failing = s.failingFeeds.map(
    (feed) =>
      `\n   #${feed.id} ${shortTitle(feed.title?.trim() || feed.url, 100)}: ${shownError(feed.lastError ?? "")}`,
  );
  // Many failing feeds could outgrow one message: /feeds has the full story of each.
  return fitEntries(
    { head: lines.join("\n"), entries: failing, separator: "", tail: "" },
    (left) => `\n   … and ${left} more failing feed${left === 1 ? "" : "s"} not shown.`,
  );
}
