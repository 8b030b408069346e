import type { Api } from "grammy";
import type { ArticleService } from "../../articles/article-service.js";
import type { Config } from "../../config.js";
import type { KeyValueStorage } from "../../db/key-value-storage.js";
import { type ArticleIntake, createArticleIntake } from "../../editorial/article-intake.js";
import type { FeedService } from "../../feeds/feed-service.js";
import type { Logger } from "../../logger.js";
import type { Publisher } from "../../publishing/publisher.js";
import type { QueueService } from "../../publishing/queue-service.js";
import type { BotDeps, TelegramReachability } from "../deps.js";
import { type BackgroundWork, createBackgroundWork } from "./background-work.js";
import type { PendingPaste } from "./paste-store.js";

/** What the desk does with feeds. */
export type DeskFeeds = Pick<
  FeedService,
  "addFeed" | "listFeeds" | "removeFeed" | "findFeed" | "setRules"
>;

/** Everything the editors' features share, built once in createBot. */
export interface EditorDesk {
  readonly adminIds: readonly number[];
  readonly timezone: string;
  readonly articles: ArticleService;
  readonly queue: QueueService;
  readonly publisher: Pick<Publisher, "postNow" | "resolveUnknown"> | undefined;
  readonly intake: ArticleIntake;
  readonly feeds: DeskFeeds | undefined;
  /** `<api root>/file/bot<token>`: where files editors send (OPML) are downloaded from. */
  readonly fileRoot: string | undefined;
  readonly pendingPastes: KeyValueStorage<PendingPaste> | undefined;
  readonly now: () => number;
  /** Deliveries editors started, going on after their update was answered. */
  readonly background: BackgroundWork;
  readonly logger: Logger;
  /** The bot's own Api, for reports that outlive an update (a dialog's ctx.api does not). */
  readonly api: Api;
  readonly telegramStatus: (() => TelegramReachability) | undefined;
}

/** The editors' desk, or undefined when the bot was built without a queue (no editor features). */
export function createEditorDesk(config: Config, deps: BotDeps, api: Api): EditorDesk | undefined {
  if (!deps.queue) return undefined;
  return {
    adminIds: config.adminIds,
    timezone: config.timezone,
    articles: deps.articles,
    queue: deps.queue,
    publisher: deps.publisher,
    intake: createArticleIntake({
      articles: deps.articles,
      queue: deps.queue,
      timezone: config.timezone,
      footer: config.postFooter,
      channelUrl: config.channelUrl,
    }),
    feeds: deps.feeds,
    fileRoot: config.botToken ? `${config.telegramApiRoot}/file/bot${config.botToken}` : undefined,
    pendingPastes: deps.pendingPastes,
    now: Date.now,
    background: deps.background ?? createBackgroundWork(deps.logger),
    logger: deps.logger,
    api,
    telegramStatus: deps.telegramStatus,
  };
}
