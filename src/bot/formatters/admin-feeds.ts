import type { Feed } from "../../feeds/feed.js";
import type { AddFeedResult } from "../../feeds/feed-service.js";
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

/** The answer to /addfeed that worked. */
export function feedAddedHtml(result: AddFeedResult): string {
  const { feed } = result;
  const what = feed.storeOnly
    ? "stored in the archive only (store-only feed: nothing is queued)"
    : "stored and queued for the channel";
  return (
    `✅ Feed <b>${feedName(feed)}</b> added as #${feed.id}.\n` +
    `It offered ${result.found} item${result.found === 1 ? "" : "s"}; ${result.created} new article${result.created === 1 ? "" : "s"} ${what}.`
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
    return `#${feed.id} <b>${feedName(feed)}</b>\n   ${shortTitle(feed.url, 300)}\n   ${facts.join(" · ")}${error}`;
  });
  return fitEntries(
    {
      head: `<b>Feeds</b> (${feeds.length})\n\n`,
      entries: lines,
      separator: "\n\n",
      tail: "\n\n/removefeed &lt;ID&gt; stops one.",
    },
    (left) => `\n\n… and ${plural(left, "more feed")} not shown.`,
  );
}
