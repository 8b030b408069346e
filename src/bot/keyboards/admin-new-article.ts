import { InlineKeyboard } from "grammy";
import { NEW_CANCEL, NEW_CONFIRM, NEW_NEXT_SLOT, NEW_NOW } from "./admin-callback-data.js";

/** The /new dialog's "when" step: the next scheduled slot, or right now. */
export const whenKeyboard = (): InlineKeyboard =>
  new InlineKeyboard().text("Next slot", NEW_NEXT_SLOT).text("Now", NEW_NOW);

/** Under the /new preview. */
export const confirmKeyboard = (): InlineKeyboard =>
  new InlineKeyboard().text("Confirm", NEW_CONFIRM).text("Cancel", NEW_CANCEL);
