import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { deskCommand } from "../desk-commands.js";
import { ADD_ARTICLE_CONVERSATION } from "../dialogs/add-article.js";
import { replyWithIntake } from "../replies/intake-replies.js";

/** `/add <text>` stores, queues and previews an article; a bare `/add` asks for the text. */
export function createAdminAddFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const editor = feature.chatType("private").filter(isAdminOf(desk.adminIds));

  editor.command(deskCommand("add"), async (ctx) => {
    const text = ctx.match.trim();
    if (text === "") {
      await ctx.conversation.enter(ADD_ARTICLE_CONVERSATION);
      return;
    }
    const result = desk.intake.fromText(text, ctx.me.username);
    await replyWithIntake(ctx, deskFor(ctx.locale), result, {
      timezone: desk.timezone,
      paused: desk.queue.isPaused(),
    });
  });

  return feature;
}
