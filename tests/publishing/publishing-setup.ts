import { createArticleService } from "../../src/articles/article-service.js";
import { createArticlesRepository } from "../../src/db/articles-repository.js";
import type { Db } from "../../src/db/connection.js";
import { createQueueRepository } from "../../src/db/queue-repository.js";
import { createSettingsRepository } from "../../src/db/settings-repository.js";
import { createPauseState } from "../../src/publishing/pause-state.js";
import { cronNextRun } from "../../src/publishing/plan-times.js";
import { createQueueService } from "../../src/publishing/queue-service.js";
import { createTestDb } from "../support/test-db.js";

export const CHANNEL = "@newsroom_test";

export interface SetupOptions {
  db?: Db;
  schedule?: string;
  postsPerRun?: number;
  timezone?: string;
  now?: () => number;
  channel?: string;
}

/** Storage and services of the publishing area over a real (in-memory) database. */
export function setupPublishing(options: SetupOptions = {}) {
  const db = options.db ?? createTestDb();
  const now = options.now ?? Date.now;
  const timezone = options.timezone ?? "UTC";
  const articlesRepo = createArticlesRepository(db);
  const articles = createArticleService({ db, articles: articlesRepo, now });
  const queueRepo = createQueueRepository(db);
  const settings = createSettingsRepository(db, now);
  const pauseState = createPauseState(settings, now);
  const queue = createQueueService({
    db,
    queue: queueRepo,
    articles: articlesRepo,
    pauseState,
    channel: options.channel ?? CHANNEL,
    nextRun: cronNextRun(options.schedule ?? "*/30 * * * *", timezone),
    postsPerRun: options.postsPerRun ?? 1,
    timezone,
    now,
  });
  let counter = 0;
  /** Stores an article and returns its id. */
  const addArticle = (title?: string, body?: string): number => {
    counter++;
    const result = articles.store({
      title: title ?? `Story number ${counter}`,
      body: body ?? `The text of story ${counter}. It has two sentences.`,
      url: `https://news.example.org/s/${counter}`,
      source: "Example News",
      publishedAt: Date.UTC(2023, 1, 23, 9, 58),
    });
    return result.article.id;
  };
  return {
    db,
    articles,
    articlesRepo,
    queueRepo,
    settings,
    pauseState,
    queue,
    addArticle,
    timezone,
  };
}
