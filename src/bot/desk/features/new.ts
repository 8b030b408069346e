import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { deskCommand } from "../desk-commands.js";
import { NEW_ARTICLE_CONVERSATION } from "../dialogs/new-article.js";
import {
  NEW_AT_DATA,
  NEW_CANCEL,
  NEW_CONFIRM,
  NEW_NEXT_SLOT,
  NEW_NOW,
} from "../keyboards/callback-data.js";

/** `/new` enters the guided dialog; `/cancel` and dialog buttons outside a dialog are answered. */
export function createAdminNewFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const editor = feature.filter(isAdminOf(desk.adminIds));

  editor
    .chatType("private")
    .command(deskCommand("new"), (ctx) => ctx.conversation.enter(NEW_ARTICLE_CONVERSATION));
  // Inside a dialog /cancel is read by the dialog itself; here there is none.
  editor
    .chatType("private")
    .command(deskCommand("cancel"), (ctx) => ctx.reply(deskFor(ctx.locale).nothingToCancel));
  editor.callbackQuery([NEW_NEXT_SLOT, NEW_NOW, NEW_CONFIRM, NEW_CANCEL, NEW_AT_DATA], (ctx) =>
    ctx.answerCallbackQuery({ text: deskFor(ctx.locale).dialogOver }),
  );
  return feature;
}
