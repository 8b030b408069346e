import { createArticleService } from "./articles/article-service.js";
import type { Config } from "./config.js";
import { createArticlesRepository } from "./db/articles-repository.js";
import type { Db } from "./db/connection.js";
import type { Logger } from "./logger.js";

/**
 * The domain services over one database, built the same way for the bot, the scheduler
 * and the command-line tool.
 */
export function createServices(config: Config, db: Db, logger: Logger) {
  const articles = createArticleService({ db, articles: createArticlesRepository(db) });
  return { config, db, logger, articles };
}

export type Services = ReturnType<typeof createServices>;
