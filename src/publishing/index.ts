import type { Article } from "../articles/article.js";
import type { Config } from "../config.js";
import type { Db } from "../db/connection.js";
import { createDeliveryRepository } from "../db/delivery-repository.js";
import { createEditorMenusRepository } from "../db/editor-menus-repository.js";
import { createQueueRepository } from "../db/queue-repository.js";
import { createSettingsRepository } from "../db/settings-repository.js";
import { createUserLanguagesRepository } from "../db/user-languages-repository.js";
import type { Logger } from "../logger.js";
import type { ChannelGateway } from "./channel-gateway.js";
import { createPacer, type Pacer } from "./pacer.js";
import { createPauseState } from "./pause-state.js";
import { cronNextRun } from "./plan-times.js";
import { createPublisher } from "./publisher.js";
import { createQueueService } from "./queue-service.js";

export type PublishingConfig = Pick<
  Config,
  | "channelId"
  | "adminIds"
  | "postSchedule"
  | "postsPerRun"
  | "timezone"
  | "channelUrl"
  | "postFooter"
>;

export interface PublishingDeps {
  readonly db: Db;
  readonly articles: { findById(id: number): Article | undefined };
  readonly gateway: ChannelGateway;
  readonly config: PublishingConfig;
  /** The bot's username (from getMe), for `/start a<ID>` deep links in cut posts. */
  readonly botUsername?: string | undefined;
  readonly logger: Logger;
  readonly pacer?: Pacer;
  readonly now?: () => number;
}

/**
 * Wires the publishing area for one channel: the queue editors change and the publisher that
 * delivers it. Throws when CHANNEL_ID is not set.
 */
export function createPublishing(deps: PublishingDeps) {
  const { db, config } = deps;
  const channel = config.channelId;
  if (!channel) throw new Error("CHANNEL_ID is not set: publishing needs the channel to post to");
  const now = deps.now ?? Date.now;
  const queueRepo = createQueueRepository(db);
  const pauseState = createPauseState(createSettingsRepository(db, now), now);
  const queue = createQueueService({
    db,
    queue: queueRepo,
    articles: deps.articles,
    pauseState,
    channel,
    nextRun: cronNextRun(config.postSchedule, config.timezone),
    postsPerRun: config.postsPerRun,
    timezone: config.timezone,
    now,
  });
  const publisher = createPublisher({
    queue: queueRepo,
    delivery: createDeliveryRepository(db),
    articles: deps.articles,
    pauseState,
    gateway: deps.gateway,
    channel,
    adminIds: config.adminIds,
    format: {
      channelUrl: config.channelUrl,
      footer: config.postFooter,
      timezone: config.timezone,
      botUsername: deps.botUsername,
    },
    pacer: deps.pacer ?? createPacer({ now }),
    languageOf: editorLanguage(db),
    logger: deps.logger,
    now,
  });
  return { queue, publisher };
}

export type Publishing = ReturnType<typeof createPublishing>;

/** An editor's language for notices: their /language choice, else their menu's, else English. */
function editorLanguage(db: Db) {
  const chosen = createUserLanguagesRepository(db);
  const menus = createEditorMenusRepository(db);
  return (userId: number) => chosen.chosen(userId) ?? menus.languageOf(userId) ?? "en";
}
