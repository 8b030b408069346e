import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { isAdminOf } from "../filters/is-admin.js";
import { EDITORS_ONLY, NOT_ALLOWED } from "../formatters/admin-text.js";

/** The editors' commands: anyone else who sends one is refused politely. */
export const EDITOR_COMMANDS = [
  "add",
  "new",
  "queue",
  "postnow",
  "pause",
  "resume",
  "addfeed",
  "feeds",
  "removefeed",
  "stats",
] as const;

/**
 * Stands before the editors' features: a non-editor's editor command gets a polite refusal,
 * and a press on an editor button (forged, or on a forwarded message) gets "not allowed".
 * Either way the update stops here, so nothing changes. The features check ADMIN_IDS again.
 */
export function createEditorGate(adminIds: readonly number[]): Composer<BotContext> {
  const isEditor = isAdminOf(adminIds);
  const gate = new Composer<BotContext>();
  const outsider = gate.drop(isEditor);
  outsider
    .chatType("private")
    .command([...EDITOR_COMMANDS], (ctx) => ctx.reply(EDITORS_ONLY[ctx.locale]));
  outsider.callbackQuery(/^[qe]:/, (ctx) =>
    ctx.answerCallbackQuery({ text: NOT_ALLOWED, show_alert: true }),
  );
  return gate;
}
