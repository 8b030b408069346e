import { parseArgs } from "node:util";
import type { Feed } from "../../feeds/feed.js";
import { FeedError } from "../../feeds/feed-errors.js";
import type { PollResult } from "../../feeds/feed-service.js";
import { type CliContext, UsageError } from "../cli-context.js";

const when = (ms: number | null) =>
  ms ? new Date(ms).toISOString().replace(/\.\d+Z$/, "Z") : "never";

function describeFeed(feed: Feed): string {
  const health = feed.lastError ? `failing (${feed.failureCount}×): ${feed.lastError}` : "ok";
  return `#${feed.id} ${feed.url}${feed.storeOnly ? " [store-only]" : ""}\n    ${feed.title ?? "(untitled)"} · ${feed.itemCount} items · last fetch ${when(feed.lastFetchedAt)} · ${health}`;
}

/** `feeds add [--store-only] <url>` · `feeds list` · `feeds remove <ID>`. */
export async function feedsCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { "store-only": { type: "boolean" } },
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
      const { feed, found, created } = await feeds.addFeed(target, {
        storeOnly: values["store-only"] ?? false,
      });
      ctx.out(
        `added feed #${feed.id} ${feed.title ?? feed.url}: ${found} items found, ${created} new in the archive`,
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
  throw new UsageError("feeds add [--store-only] <url> | feeds list | feeds remove <ID>");
}

function describePoll(result: PollResult, feedsById: Map<number, Feed>): string {
  const name = feedsById.get(result.feedId)?.url ?? `#${result.feedId}`;
  if (result.status === "not-modified") return `${name}: not modified`;
  if (result.status === "failed") return `${name}: failed: ${result.error}`;
  return `${name}: ${result.found} items, ${result.created} new, ${result.updated} updated`;
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
