import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { deskFor } from "../../bot/i18n/index.js";
import type { FeedRulesPatch } from "../../db/feeds-repository.js";
import type { Feed } from "../../feeds/feed.js";
import { FeedError } from "../../feeds/feed-errors.js";
import { parseWordList } from "../../feeds/feed-rules.js";
import type { PollResult } from "../../feeds/feed-service.js";
import { MAX_OPML_BYTES, OpmlError, readOpml, writeOpml } from "../../feeds/opml.js";
import { importOpmlEntries } from "../../feeds/opml-import.js";
import { type CliContext, UsageError } from "../cli-context.js";

const when = (ms: number | null) =>
  ms ? new Date(ms).toISOString().replace(/\.\d+Z$/, "Z") : "never";

function describeFeed(feed: Feed): string {
  const health = feed.lastError ? `failing (${feed.failureCount}×): ${feed.lastError}` : "ok";
  const flags = [feed.storeOnly ? "store-only" : "", feed.paused ? "paused" : ""].filter(Boolean);
  const rules = [
    feed.includeWords.length ? `include: ${feed.includeWords.join(", ")}` : "",
    feed.excludeWords.length ? `exclude: ${feed.excludeWords.join(", ")}` : "",
  ].filter(Boolean);
  return (
    `#${feed.id} ${feed.url}${flags.length ? ` [${flags.join(", ")}]` : ""}\n` +
    `    ${feed.title ?? "(untitled)"} · ${feed.itemCount} items · last fetch ${when(feed.lastFetchedAt)} · ${health}` +
    (rules.length ? `\n    ${rules.join(" · ")}` : "")
  );
}

export const FEEDS_USAGE =
  'feeds add [--store-only] <url> | list | remove <ID> | set <ID> [--store-only on|off] [--paused on|off] [--include "w1, w2"] [--exclude "w3"] | import <file.opml> | export [file]';

function onOff(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === "on" || value === "true" || value === "yes") return true;
  if (value === "off" || value === "false" || value === "no") return false;
  throw new UsageError(`--${name} takes on or off`);
}

function words(name: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = parseWordList(value);
  if (!list) throw new UsageError(`--${name}: at most 50 words of up to 60 characters each`);
  return list;
}

/** `feeds add|list|remove|set|import|export`. */
export async function feedsCommand(args: string[], ctx: CliContext): Promise<number> {
  // `add --store-only` is a flag; `set --store-only on|off` takes a value.
  const setting = args[0] === "set";
  const { values, positionals } = parseArgs({
    args,
    options: setting
      ? {
          "store-only": { type: "string" },
          paused: { type: "string" },
          include: { type: "string" },
          exclude: { type: "string" },
        }
      : { "store-only": { type: "boolean" } },
    allowPositionals: true,
  });
  const [action, target] = positionals;
  const text = (name: string) => {
    const v = (values as Record<string, string | boolean | undefined>)[name];
    return typeof v === "string" ? v : undefined;
  };
  const { feeds } = ctx.services;
  try {
    if (action === "list") {
      const all = feeds.listFeeds();
      if (all.length === 0) ctx.out("no feeds yet: npm run cli -- feeds add <url>");
      for (const feed of all) ctx.out(describeFeed(feed));
      return 0;
    }
    if (action === "add" && target) {
      const storeOnly = values["store-only"] === true;
      const { feed, found, created } = await feeds.addFeed(target, { storeOnly });
      ctx.out(
        `added feed #${feed.id} ${feed.title ?? feed.url}: ${found} items found, ${created} new in the archive`,
      );
      return 0;
    }
    if (action === "remove" && target) {
      const feed = feeds.removeFeed(feedId(target));
      ctx.out(`removed feed #${feed.id} ${feed.url}`);
      return 0;
    }
    if (action === "set" && target) {
      const patch: FeedRulesPatch = {
        ...optional("storeOnly", onOff("store-only", text("store-only"))),
        ...optional("paused", onOff("paused", text("paused"))),
        ...optional("includeWords", words("include", text("include"))),
        ...optional("excludeWords", words("exclude", text("exclude"))),
      };
      if (Object.keys(patch).length === 0)
        throw new UsageError(
          "feeds set needs at least one of --store-only, --paused, --include, --exclude",
        );
      const feed = feeds.setRules(feedId(target), patch);
      ctx.out(`feed #${feed.id} set; rules apply from its next fetch`);
      ctx.out(describeFeed(feed));
      return 0;
    }
    if (action === "import" && target) return await importFile(target, ctx);
    if (action === "export") {
      const opml = writeOpml(feeds.listFeeds(), Date.now());
      if (target) {
        writeFileSync(target, opml);
        ctx.out(`wrote ${feeds.listFeeds().length} feeds to ${target}`);
      } else ctx.out(opml.trimEnd());
      return 0;
    }
  } catch (error) {
    if (error instanceof FeedError) {
      ctx.err(`refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
  throw new UsageError(FEEDS_USAGE);
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

function feedId(text: string): number {
  if (!/^\d{1,12}$/.test(text))
    throw new UsageError("a feed is named by its numeric ID (see feeds list)");
  return Number(text);
}

/** `feeds import file.opml`: adds each listed feed with the usual checks; says what became of each. */
async function importFile(path: string, ctx: CliContext): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    ctx.err(`cannot read ${path}`);
    return 1;
  }
  const d = deskFor("en");
  let entries: ReturnType<typeof readOpml>;
  try {
    if (bytes.byteLength > MAX_OPML_BYTES) throw new OpmlError("too-large");
    entries = readOpml(bytes);
  } catch (error) {
    if (!(error instanceof OpmlError)) throw error;
    ctx.err(d.opmlRefused(error.problem).replace(/^❌ /, "refused: "));
    return 1;
  }
  const outcomes = await importOpmlEntries(ctx.services.feeds, entries);
  for (const o of outcomes) {
    if (o.status === "added")
      ctx.out(`added   #${o.feed.id} ${o.url} (${o.created} new in the archive)`);
    else if (o.status === "present") ctx.out(`present #${o.feedId} ${o.url}`);
    else ctx.out(`refused ${o.url}: ${o.reason}`);
  }
  const count = (s: string) => outcomes.filter((o) => o.status === s).length;
  ctx.out(
    `${count("added")} added · ${count("present")} already present · ${count("refused")} refused`,
  );
  return count("refused") > 0 ? 1 : 0;
}

function describePoll(result: PollResult, feedsById: Map<number, Feed>): string {
  const name = feedsById.get(result.feedId)?.url ?? `#${result.feedId}`;
  if (result.status === "not-modified") return `${name}: not modified`;
  if (result.status === "failed") return `${name}: failed: ${result.error}`;
  return `${name}: ${result.found} items, ${result.created} new, ${result.updated} updated`;
}

/** `fetch`: polls every feed now (except paused ones), whatever its schedule or backoff. */
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
