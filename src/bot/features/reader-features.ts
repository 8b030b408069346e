import type { Composer } from "grammy";
import type { Config } from "../../config.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { createHelpFeature } from "./help.js";
import { createInlineSearchFeature } from "./inline-search.js";
import { createLatestFeature } from "./latest.js";
import type { ReaderSettings } from "./reader-replies.js";
import { createSearchFeature } from "./search.js";
import { createStartFeature } from "./start.js";
import { createSummaryFeature } from "./summary.js";

/** The readers' features in the order they are installed. */
export function createReaderFeatures(config: Config, deps: BotDeps): Composer<BotContext>[] {
  const settings: ReaderSettings = {
    timezone: config.timezone,
    channelUrl: config.channelUrl,
    footer: config.postFooter,
  };
  const { articles, search, now } = deps;
  return [
    createStartFeature({ articles, settings }),
    createHelpFeature(),
    createLatestFeature({ articles, settings }),
    ...(search ? [createSearchFeature({ search, settings })] : []),
    createSummaryFeature({ articles, settings, ...(now ? { now } : {}) }),
    createInlineSearchFeature({ articles, search, settings }),
  ];
}
