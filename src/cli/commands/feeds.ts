import { parseArgs } from "node:util";
import type { Feed } from "../../feeds/feed.js";
import { FeedError } from "../../feeds/feed-errors.js";
import type { PollResult } from "../../feeds/feed-service.js";
import { refusedSummary } from "../../feeds/store-fetch.js";
import { type CliContext, UsageError } from "../cli-context.js";

const when = (ms: number | null) =>
  ms ? new Date(ms).toISOString().replace(/\.\d+Z$/, "Z") : "never";

function describeFeed(feed: Feed): string {
  const health = feed.lastError ? `failing (${feed.failureCount}×): ${feed.lastError}` : "ok";
  const refused =
    feed.lastRefused > 0
      ? `\n    last fetch refused ${feed.lastRefused} item(s): ${feed.lastRefusedReason ?? "?"}`
      : "";
  return `#${feed.id} ${feed.url}${feed.storeOnly ? " [store-only]" : ""}\n    ${feed.title ?? "(untitled)"} · ${feed.itemCount} items · last fetch ${when(feed.lastFetchedAt)} · ${health}${refused}`;
}

/** "refused N item(s): reason" for a fetch that could not store everything, else nothing. */
function refusedLine(refused: readonly string[]): string {
  const summary = refusedSummary(refused);
  return summary ? `\n    refused ${refused.length} item(s): ${summary}` : "";
}

const LATEST = /^\d{1,3}$/;

/** `feeds add [--store-only] [--latest N] <url>` · `feeds list` · `feeds remove <ID>`. */
export async function feedsCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { "store-only": { type: "boolean" }, latest: { type: "string" } },
    allowPositionals: true,
  });
  const [action, target] = positionals;
  const { feeds } = ctx.services;
  try {
    if (action === "list") {
      const all = feeds.listFeeds();
      if (all.length === 0) ctx.out("no feeds yet: npm run cli -- feeds add <url>");
      for (const feed of all) ctx.out(describeFeed(feed));
      return 0;
    }
    if (action === "add" && target) {
      const latest = values.latest;
      if (latest !== undefined && !LATEST.test(latest))
        throw new UsageError("--latest takes a number of items to queue, 0 to 999");
      const result = await feeds.addFeed(target, {
        storeOnly: values["store-only"] ?? false,
        latest: latest === undefined ? 0 : Number(latest),
      });
      const { feed, found, created, queued, alsoIn, cut } = result;
      const extra = [
        alsoIn ? `${alsoIn} already in the archive from another source` : "",
        cut ? `${cut} cut to 100,000 characters` : "",
      ].filter(Boolean);
      ctx.out(
        `added feed #${feed.id} ${feed.title ?? feed.url}: ${found} items found, ${created} new archived, ${queued} queued${extra.length ? ` (${extra.join(", ")})` : ""}${refusedLine(result.refused)}`,
      );
      return 0;
    }
    if (action === "remove" && target) {
      if (!/^\d+$/.test(target))
        throw new UsageError("feeds remove needs the feed's numeric ID (see feeds list)");
      const feed = feeds.removeFeed(Number(target));
      ctx.out(`removed feed #${feed.id} ${feed.url}`);
      return 0;
    }
  } catch (error) {
    if (error instanceof FeedError) {
      ctx.err(`refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
  throw new UsageError(
    "feeds add [--store-only] [--latest N] <url> | feeds list | feeds remove <ID>",
  );
}

function describePoll(result: PollResult, feedsById: Map<number, Feed>): string {
  const name = feedsById.get(result.feedId)?.url ?? `#${result.feedId}`;
  if (result.status === "not-modified") return `${name}: not modified`;
  if (result.status === "failed") return `${name}: failed: ${result.error}`;
  return `${name}: ${result.found} items, ${result.created} new, ${result.queued} queued, ${result.updated} updated${refusedLine(result.refused)}`;
}

/** `fetch`: polls every feed now, whatever its schedule or backoff. */
export async function fetchCommand(_args: string[], ctx: CliContext): Promise<number> {
  const { feeds } = ctx.services;
  const feedsById = new Map(feeds.listFeeds().map((f) => [f.id, f]));
  if (feedsById.size === 0) {
    ctx.out("no feeds to fetch: npm run cli -- feeds add <url>");
    return 0;
  }
  const results = await feeds.pollAll();
  for (const result of results) ctx.out(describePoll(result, feedsById));
  return results.some((r) => r.status === "failed") ? 1 : 0;
}
