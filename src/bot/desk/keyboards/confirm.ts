import { InlineKeyboard } from "grammy";
import type { DeskMessages } from "../../i18n/index.js";
import { feedClearData, queueItemData } from "./callback-data.js";

/** Under "item #N is scheduled for …": post it early, or keep it as planned. */
export function postEarlyKeyboard(d: DeskMessages, itemId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(d.postEarlyButton, queueItemData("e", itemId))
    .text(d.keepScheduledButton, queueItemData("k", itemId));
}

/** Under "remove N queued items of feed X?": yes or no. */
export function clearFeedKeyboard(d: DeskMessages, feedId: number, count: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(d.clearYesButton(count), feedClearData("fy", feedId))
    .text(d.clearNoButton, feedClearData("fn", feedId));
}
