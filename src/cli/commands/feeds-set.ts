import { parseArgs } from "node:util";
import type { FeedRulesPatch } from "../../db/feeds-repository.js";
import { parseWordList } from "../../feeds/feed-rules.js";
import { type CliContext, UsageError } from "../cli-context.js";

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

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** A feed's numeric ID, or a usage error. */
export function feedId(text: string): number {
  if (!/^\d{1,12}$/.test(text))
    throw new UsageError("a feed is named by its numeric ID (see feeds list)");
  return Number(text);
}

/**
 * `feeds set <ID> [--store-only on|off] [--paused on|off] [--include "w1, w2"] [--exclude "w3"]`:
 * the rules of a feed's /feed card. Returns the changed feed's ID (the caller prints it).
 * @throws FeedNotFoundError when there is no such feed.
 */
export function setFeedRules(args: string[], ctx: CliContext): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      "store-only": { type: "string" },
      paused: { type: "string" },
      include: { type: "string" },
      exclude: { type: "string" },
    },
    allowPositionals: true,
  });
  const target = positionals[1];
  if (!target) throw new UsageError("feeds set needs the feed's ID (see feeds list)");
  const patch: FeedRulesPatch = {
    ...optional("storeOnly", onOff("store-only", values["store-only"])),
    ...optional("paused", onOff("paused", values.paused)),
    ...optional("includeWords", words("include", values.include)),
    ...optional("excludeWords", words("exclude", values.exclude)),
  };
  if (Object.keys(patch).length === 0)
    throw new UsageError(
      "feeds set needs at least one of --store-only, --paused, --include, --exclude",
    );
  return ctx.services.feeds.setRules(feedId(target), patch).id;
}
