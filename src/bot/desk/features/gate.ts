import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { deskFor, messagesFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import { GATED_DESK_COMMANDS } from "../desk-commands.js";

/**
 * Stands before the editors' features: a non-editor's editor command gets a polite refusal,
 * and a press on an editor button (forged, or on a forwarded message) gets "not allowed"; a
 * dialog left open by someone who is no longer an editor is closed.
 * Either way the update stops here, so nothing changes. The features check ADMIN_IDS again.
 */
export function createEditorGate(adminIds: readonly number[]): Composer<BotContext> {
  const isEditor = isAdminOf(adminIds);
  const gate = new Composer<BotContext>();
  const outsider = gate.drop(isEditor);
  // Only editors enter dialogs: one still open here belongs to someone removed from ADMIN_IDS
  // (since a restart). It is closed from outside, so its replay never sees the changed list.
  outsider.chatType("private").use(async (ctx, next) => {
    if (Object.keys(ctx.conversation.active()).length === 0) return next();
    await ctx.conversation.exitAll();
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: messagesFor(ctx.locale).notAllowed, show_alert: true });
    } else await ctx.reply(deskFor(ctx.locale).dialogClosed);
  });
  outsider
    .chatType("private")
    .command([...GATED_DESK_COMMANDS], (ctx) => ctx.reply(messagesFor(ctx.locale).editorsOnly));
  outsider.callbackQuery(/^[qe]:/, (ctx) =>
    ctx.answerCallbackQuery({ text: messagesFor(ctx.locale).notAllowed, show_alert: true }),
  );
  return gate;
}

/** Installed instead of the desk when there is no queue: editors' commands get the reason. */
export function createDeskOffNotice(adminIds: readonly number[]): Composer<BotContext> {
  const notice = new Composer<BotContext>();
  notice
    .chatType("private")
    .filter(isAdminOf(adminIds))
    .command([...GATED_DESK_COMMANDS], (ctx) => ctx.reply(deskFor(ctx.locale).deskOff));
  return notice;
}
