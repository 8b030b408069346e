import { InlineKeyboard } from "grammy";
import type { Feed } from "../../../feeds/feed.js";
import type { DeskMessages } from "../../i18n/index.js";
import { feedCardData } from "./callback-data.js";

/** Under a /feed card: store-only, polling, include and exclude words, remove. */
export function feedCardKeyboard(d: DeskMessages, feed: Feed): InlineKeyboard {
  return new InlineKeyboard()
    .text(d.storeOnlyButton(feed.storeOnly), feedCardData("s", feed.id))
    .text(d.pollingButton(feed.paused), feedCardData("p", feed.id))
    .row()
    .text(d.includeButton, feedCardData("i", feed.id))
    .text(d.excludeButton, feedCardData("x", feed.id))
    .row()
    .text(d.removeFeedButton, feedCardData("r", feed.id));
}

/** Asking before a feed is removed from its card. */
export function confirmRemoveKeyboard(d: DeskMessages, feedId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(d.confirmRemoveButton, feedCardData("rc", feedId))
    .text(d.keepButton, feedCardData("rk", feedId));
}
