import { createConversation } from "@grammyjs/conversations";
import { Composer, type Context } from "grammy";
import type { Config } from "../../config.js";
import type { BotContext } from "../context.js";
import {
  ADD_ARTICLE_CONVERSATION,
  createAddArticleConversation,
} from "../conversations/add-article.js";
import {
  createNewArticleConversation,
  NEW_ARTICLE_CONVERSATION,
} from "../conversations/new-article.js";
import type { BotDeps } from "../deps.js";
import { createAdminAddFeature } from "./admin-add.js";
import { createEditorDesk } from "./admin-desk.js";
import { createAdminFeedsFeature } from "./admin-feeds.js";
import { createEditorGate } from "./admin-gate.js";
import { createAdminNewFeature } from "./admin-new.js";
import { createAdminPasteFeature } from "./admin-paste.js";
import { createAdminPublishingFeature } from "./admin-publishing.js";
import { createAdminQueueFeature } from "./admin-queue.js";
import { createAdminStatsFeature } from "./admin-stats.js";

/**
 * The editors' desk in a fixed order: the gate that refuses everyone else, the dialogs, the
 * commands and buttons, and last the "queue this paste?" question for plain text. Without a
 * queue in `deps` only the gate is installed (readers still get their polite refusal).
 */
export function createEditorFeatures(config: Config, deps: BotDeps): Composer<BotContext> {
  const editors = new Composer<BotContext>();
  editors.use(createEditorGate(config.adminIds));
  const desk = createEditorDesk(config, deps);
  if (!desk) return editors;
  editors.use(
    createConversation<BotContext, Context>(
      createNewArticleConversation(desk),
      NEW_ARTICLE_CONVERSATION,
    ),
    createConversation<BotContext, Context>(
      createAddArticleConversation(desk),
      ADD_ARTICLE_CONVERSATION,
    ),
  );
  editors.use(
    createAdminAddFeature(desk),
    createAdminNewFeature(desk),
    createAdminQueueFeature(desk),
    createAdminPublishingFeature(desk),
    createAdminFeedsFeature(desk),
    createAdminStatsFeature(desk),
    createAdminPasteFeature(desk),
  );
  return editors;
}
