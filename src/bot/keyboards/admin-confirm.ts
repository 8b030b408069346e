import { InlineKeyboard } from "grammy";
import { feedClearData, queueItemData } from "./admin-callback-data.js";

/** Under "item #N is scheduled for …": post it early, or keep it as planned. */
export function postEarlyKeyboard(itemId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text("Post now anyway", queueItemData("e", itemId))
    .text("Keep as scheduled", queueItemData("k", itemId));
}

/** Under "remove N queued items of feed X?": yes or no. */
export function clearFeedKeyboard(feedId: number, count: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(`Yes, remove ${count}`, feedClearData("fy", feedId))
    .text("No, keep them", feedClearData("fn", feedId));
}
