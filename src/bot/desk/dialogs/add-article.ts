import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, DialogContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import type { EditorDesk } from "../desk.js";
import { replyWithIntake } from "../replies/intake-replies.js";
import { nextInput } from "./dialog-input.js";

/** Entered by `/add` without text: the next message is the article. */
export const ADD_ARTICLE_CONVERSATION = "add-article";

/** Waits for the article text after a bare `/add`, then stores, queues and previews it. */
export function createAddArticleConversation(desk: EditorDesk) {
  return async function addArticle(
    conversation: Conversation<BotContext, DialogContext>,
    ctx: DialogContext,
  ) {
    await ctx.reply(deskFor(ctx.locale).addPrompt);
    const answer = await nextInput(conversation, { ownCommand: "add" });
    if (answer.kind !== "text") return;
    const username = answer.ctx.me.username;
    const result = await conversation.external(() => desk.intake.fromText(answer.text, username));
    const paused = await conversation.external(() => desk.queue.isPaused());
    await replyWithIntake(answer.ctx, deskFor(answer.ctx.locale), result, {
      timezone: desk.timezone,
      paused,
    });
  };
}
