import { InlineKeyboard } from "grammy";
import type { DeskMessages } from "../../i18n/index.js";
import { queueItemData } from "./callback-data.js";

/** Under a post preview: Post now · Remove · Move to top, for one queued item. */
export function previewKeyboard(d: DeskMessages, itemId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(d.postNowButton, queueItemData("p", itemId))
    .text(d.removeButton, queueItemData("r", itemId))
    .text(d.moveToTopButton, queueItemData("t", itemId));
}
