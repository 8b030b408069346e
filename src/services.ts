import { createArticleService } from "./articles/article-service.js";
import type { Config } from "./config.js";
import { createArticlesRepository } from "./db/articles-repository.js";
import type { Db } from "./db/connection.js";
import { createWorkerFeedReader } from "./feeds/feed-reader.js";
import { createFeedService } from "./feeds/feed-service.js";
import type { Logger } from "./logger.js";
import type { ChannelGateway } from "./publishing/channel-gateway.js";
import { createPublishing, type Publishing } from "./publishing/index.js";
import { createSearchService } from "./search/search-service.js";

export interface ServiceOptions {
  /** How posts reach Telegram; the CLI's gateway is never asked to send. */
  readonly gateway: ChannelGateway;
  /** The bot's username, for `/start a<ID>` links in posts cut for length. */
  readonly botUsername?: string | undefined;
  /** Feed URLs allowed on this machine (the sandbox's sample feed). */
  readonly trustedFeedUrls?: readonly string[];
}

/**
 * The domain services over one database, built the same way for the bot, the scheduler
 * and the command-line tool. Publishing exists only when CHANNEL_ID is set; without it,
 * feed items are archived but not queued.
 */
export function createServices(config: Config, db: Db, logger: Logger, options: ServiceOptions) {
  const articles = createArticleService({ db, articles: createArticlesRepository(db) });
  const search = createSearchService(db);
  const publishing: Publishing | undefined = config.channelId
    ? createPublishing({
        db,
        articles,
        gateway: options.gateway,
        config,
        botUsername: options.botUsername,
        logger,
      })
    : undefined;
  // Feeds are read in a worker thread with a time budget: no feed ever holds this thread.
  const feedReader = createWorkerFeedReader();
  const feeds = createFeedService({
    db,
    articles,
    readFeed: feedReader.read,
    enqueue: publishing
      ? (articleId) => {
          publishing.queue.enqueue(articleId);
        }
      : undefined,
    maxAgeMs: config.feedMaxAgeMs,
    allowPrivate: config.allowPrivateFeeds,
    trustedUrls: options.trustedFeedUrls ?? [],
    logger,
  });
  return { config, db, logger, articles, search, feeds, publishing, feedReader };
}

export type Services = ReturnType<typeof createServices>;
