import type { Feed } from "../../feeds/feed.js";
import type { AddFeedResult } from "../../feeds/feed-service.js";
import { refusedSummary } from "../../feeds/store-fetch.js";
import { fitEntries, shortTitle, shownError, shownTime } from "./admin-text.js";

/** A feed's health in a word: ok, failing (with count) or not fetched yet. */
export function feedHealth(feed: Feed): string {
  if (feed.lastError) return `failing (${feed.failureCount} in a row)`;
  if (feed.lastSuccessAt === null) return "not fetched yet";
  return "ok";
}

/** Feed titles come from the feeds themselves: kept short, so a list still fits one message. */
function feedName(feed: Feed): string {
  return shortTitle(feed.title?.trim() || new URL(feed.url).hostname, 100);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "N items refused: reason", escaped, or nothing. */
function refusedLine(count: number, reason: string | null): string {
  if (count === 0) return "";
  return `\n⚠️ ${plural(count, "item")} could not be stored: ${shownError(reason ?? "unknown reason")}.`;
}

/** The answer to /addfeed that worked: what was archived, queued, cut and refused. */
export function feedAddedHtml(result: AddFeedResult): string {
  const { feed } = result;
  const queuedLine = feed.storeOnly
    ? "store-only feed: nothing is queued, now or later."
    : `${result.queued} queued for the channel.\nItems that appear later are queued (only archived when older than FEED_MAX_AGE).`;
  const notes = [
    result.alsoIn
      ? `${plural(result.alsoIn, "item")} already in the archive from another source`
      : "",
    result.cut ? `${plural(result.cut, "text")} cut to 100,000 characters` : "",
  ].filter(Boolean);
  return (
    `✅ Feed <b>${feedName(feed)}</b> added as #${feed.id}.\n` +
    `It offered ${plural(result.found, "item")}: ${result.created} new archived (readers see them now), ${queuedLine}` +
    (notes.length ? `\n${notes.join("; ")}.` : "") +
    refusedLine(result.refused.length, refusedSummary(result.refused))
  );
}

/** The /feeds list: each feed with its last fetch, item count and last error. */
export function feedListHtml(feeds: readonly Feed[], timezone: string): string {
  if (feeds.length === 0) return "No feeds yet. Add one with /addfeed &lt;url&gt; [store-only].";
  const lines = feeds.map((feed) => {
    const fetched =
      feed.lastFetchedAt === null
        ? "never fetched"
        : `last fetch ${shownTime(feed.lastFetchedAt, timezone)}`;
    const facts = [fetched, `${feed.itemCount} articles`, feedHealth(feed)];
    if (feed.storeOnly) facts.push("store-only");
    const error = feed.lastError ? `\n   last error: ${shownError(feed.lastError)}` : "";
    const refused =
      feed.lastRefused > 0
        ? `\n   last fetch could not store ${plural(feed.lastRefused, "item")}: ${shownError(feed.lastRefusedReason ?? "unknown reason")}`
        : "";
    return `#${feed.id} <b>${feedName(feed)}</b>\n   ${shortTitle(feed.url, 300)}\n   ${facts.join(" · ")}${error}${refused}`;
  });
  return fitEntries(
    {
      head: `<b>Feeds</b> (${feeds.length})\n\n`,
      entries: lines,
      separator: "\n\n",
      tail: "\n\n/removefeed &lt;ID&gt; stops one; /clearqueue &lt;ID&gt; empties its queued items.",
    },
    (left) => `\n\n… and ${plural(left, "more feed")} not shown.`,
  );
}
