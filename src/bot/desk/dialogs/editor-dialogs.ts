import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, DialogContext } from "../../context.js";
import type { EditorDesk } from "../desk.js";
import { ADD_ARTICLE_CONVERSATION, createAddArticleConversation } from "./add-article.js";
import { createFeedWordsConversation, FEED_WORDS_CONVERSATION } from "./feed-words.js";
import { createNewArticleConversation, NEW_ARTICLE_CONVERSATION } from "./new-article.js";

/** The editors' dialogs (/new, bare /add), registered under their exported ids. */
export function createEditorDialogs(desk: EditorDesk): Composer<BotContext> {
  const dialogs = new Composer<BotContext>();
  dialogs.use(
    createConversation<BotContext, DialogContext>(
      createNewArticleConversation(desk),
      NEW_ARTICLE_CONVERSATION,
    ),
    createConversation<BotContext, DialogContext>(
      createAddArticleConversation(desk),
      ADD_ARTICLE_CONVERSATION,
    ),
    createConversation<BotContext, DialogContext>(
      createFeedWordsConversation(desk),
      FEED_WORDS_CONVERSATION,
    ),
  );
  return dialogs;
}
