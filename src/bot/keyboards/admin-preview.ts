import { InlineKeyboard } from "grammy";
import { queueItemData } from "./admin-callback-data.js";

/** Under a post preview: Post now · Remove · Move to top, for one queued item. */
export function previewKeyboard(itemId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text("Post now", queueItemData("p", itemId))
    .text("Remove", queueItemData("r", itemId))
    .text("Move to top", queueItemData("t", itemId));
}
