import type { Feed } from "../../../feeds/feed.js";
import type { FeedProblem } from "../../../feeds/feed-errors.js";
import type { AddFeedResult } from "../../../feeds/feed-service.js";
import type { OpmlOutcome } from "../../../feeds/opml-import.js";
import { refusedSummary } from "../../../feeds/store-fetch.js";
import type { DeskMessages } from "../../i18n/index.js";
import { escapeHtml, fitEntries, shortTitle, shownError, shownTime } from "./desk-text.js";

/**
 * Why a feed was refused, in the editor's language. English keeps the services' own wording,
 * which has more detail (which address, which kind of private network); other languages word
 * the reason from its data.
 */
export function feedReason(
  d: DeskMessages,
  error: { message: string; problem?: FeedProblem | undefined },
): string {
  const { problem } = error;
  return shownError(problem && d.locale !== "en" ? d.feedProblem(problem) : error.message, 300);
}

/** A feed's last poll failure, in the editor's language when its reason was stored as data. */
export function storedReason(
  d: DeskMessages,
  feed: Pick<Feed, "lastError" | "lastProblem">,
): string {
  return feedReason(d, { message: feed.lastError ?? "", problem: feed.lastProblem ?? undefined });
}

/** A feed's health in a word: ok, failing (with count) or not fetched yet. */
export function feedHealth(d: DeskMessages, feed: Feed): string {
  if (feed.lastError) return d.feedFailing(feed.failureCount);
  if (feed.lastSuccessAt === null) return d.feedNotFetched;
  return d.feedOk;
}

/** Feed titles come from the feeds themselves: kept short, so a list still fits one message. */
export function feedName(feed: Pick<Feed, "title" | "url">): string {
  return shortTitle(feed.title?.trim() || new URL(feed.url).hostname, 100);
}

const words = (list: readonly string[]) => escapeHtml(list.join(", "));

/** The answer to /addfeed that worked: what was archived, queued, cut and refused. */
export function feedAddedHtml(d: DeskMessages, result: AddFeedResult): string {
  const { feed } = result;
  const notes = [
    result.alsoIn ? d.alsoInNote(result.alsoIn) : "",
    result.cut ? d.cutNote(result.cut) : "",
  ].filter(Boolean);
  const refused = result.refused.length
    ? `\n${d.itemsRefused(result.refused.length, shownError(refusedSummary(result.refused) ?? d.unknownReason))}`
    : "";
  return (
    `${d.feedAddedHtml(feedName(feed), feed.id)}\n` +
    d.feedOffered(result.found, result.created, result.queued, feed.storeOnly) +
    (notes.length ? `\n${notes.join("; ")}.` : "") +
    refused
  );
}

function lastFetchText(d: DeskMessages, feed: Feed, timezone: string): string {
  return feed.lastFetchedAt === null
    ? d.neverFetched
    : d.lastFetch(escapeHtml(shownTime(feed.lastFetchedAt, timezone, d.locale)));
}

/** The /feeds list: each feed with its rules, last fetch, item count and last error. */
export function feedListHtml(d: DeskMessages, feeds: readonly Feed[], timezone: string): string {
  if (feeds.length === 0) return d.noFeeds;
  const lines = feeds.map((feed) => {
    const facts = [
      lastFetchText(d, feed, timezone),
      d.articles(feed.itemCount),
      feedHealth(d, feed),
    ];
    const rules: string[] = [];
    if (feed.paused) rules.push(d.pollingPausedTag);
    if (feed.storeOnly) rules.push(d.storeOnlyTag);
    if (feed.includeWords.length) rules.push(d.includeTag(words(feed.includeWords)));
    if (feed.excludeWords.length) rules.push(d.excludeTag(words(feed.excludeWords)));
    const ruleLine = rules.length ? `\n   ${rules.join(" · ")}` : "";
    const error = feed.lastError ? `\n   ${d.lastError(storedReason(d, feed))}` : "";
    const refused =
      feed.lastRefused > 0
        ? `\n   ${d.lastFetchRefused(feed.lastRefused, shownError(feed.lastRefusedReason ?? d.unknownReason))}`
        : "";
    return `#${feed.id} <b>${feedName(feed)}</b>\n   ${shortTitle(feed.url, 300)}\n   ${facts.join(" · ")}${ruleLine}${error}${refused}`;
  });
  return fitEntries(
    {
      head: `${d.feedsTitleHtml(feeds.length)}\n\n`,
      entries: lines,
      separator: "\n\n",
      tail: `\n\n${d.feedsTail}`,
    },
    (left) => `\n\n${d.moreFeeds(left)}`,
  );
}

/** The /feed card: the feed's rules and health (its buttons are in keyboards/admin-feed-card). */
export function feedCardHtml(d: DeskMessages, feed: Feed, timezone: string): string {
  return d.feedCardHtml({
    id: feed.id,
    name: feedName(feed),
    url: shortTitle(feed.url, 300),
    paused: feed.paused,
    storeOnly: feed.storeOnly,
    include: feed.includeWords.length ? words(feed.includeWords) : d.anyWord,
    exclude: feed.excludeWords.length ? words(feed.excludeWords) : d.noWord,
    lastFetch: lastFetchText(d, feed, timezone),
    articles: feed.itemCount,
    health: feedHealth(d, feed),
    lastError: feed.lastError ? storedReason(d, feed) : undefined,
  });
}

/** Report of an OPML import, trimmed to one message (a list of hundreds is cut, counts stay). */
export function opmlReportHtml(d: DeskMessages, outcomes: readonly OpmlOutcome[]): string {
  const url = (u: string) => shortTitle(u, 120);
  const added = outcomes.flatMap((o) =>
    o.status === "added" ? [`#${o.feed.id} ${feedName(o.feed)} — ${url(o.url)}`] : [],
  );
  const present = outcomes.flatMap((o) =>
    o.status === "present" ? [`#${o.feedId} ${url(o.url)}`] : [],
  );
  const refused = outcomes.flatMap((o) =>
    o.status === "refused"
      ? [{ url: url(o.url), reason: feedReason(d, { message: o.reason, problem: o.problem }) }]
      : [],
  );
  // Every line is whole HTML (tags open and close on it): a long report is cut between lines.
  const lines = d.opmlReportHtml({ added, present, refused }).split("\n");
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > 4000) {
      kept.push("…");
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join("\n");
}
