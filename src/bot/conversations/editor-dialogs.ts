import { createConversation } from "@grammyjs/conversations";
import { Composer, type Context } from "grammy";
import type { BotContext } from "../context.js";
import type { EditorDesk } from "../editor-desk/desk.js";
import { ADD_ARTICLE_CONVERSATION, createAddArticleConversation } from "./add-article.js";
import { createNewArticleConversation, NEW_ARTICLE_CONVERSATION } from "./new-article.js";

/** The editors' dialogs (/new, bare /add), registered under their exported ids. */
export function createEditorDialogs(desk: EditorDesk): Composer<BotContext> {
  const dialogs = new Composer<BotContext>();
  dialogs.use(
    createConversation<BotContext, Context>(
      createNewArticleConversation(desk),
      NEW_ARTICLE_CONVERSATION,
    ),
    createConversation<BotContext, Context>(
      createAddArticleConversation(desk),
      ADD_ARTICLE_CONVERSATION,
    ),
  );
  return dialogs;
}
