import { InlineKeyboard } from "grammy";
import type { DeskMessages } from "../../i18n/index.js";
import { NEW_CANCEL, NEW_CONFIRM, NEW_NEXT_SLOT, NEW_NOW, newAtData } from "./callback-data.js";

/** The /new dialog's "when" step: the next scheduled slot, or right now. */
export const whenKeyboard = (d: DeskMessages): InlineKeyboard =>
  new InlineKeyboard().text(d.nextSlotButton, NEW_NEXT_SLOT).text(d.nowButton, NEW_NOW);

/** The moments a skipped or repeated wall time may mean, each a button with its label. */
export function momentsKeyboard(moments: readonly { at: number; label: string }[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const m of moments) keyboard.text(m.label, newAtData(m.at));
  return keyboard;
}

/** Under the /new preview. */
export const confirmKeyboard = (d: DeskMessages): InlineKeyboard =>
  new InlineKeyboard().text(d.confirmButton, NEW_CONFIRM).text(d.cancelButton, NEW_CANCEL);
