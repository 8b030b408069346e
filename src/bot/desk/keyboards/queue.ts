import { InlineKeyboard } from "grammy";
import { pageCount, QUEUE_PAGE_SIZE, type QueueView } from "../formatters/queue.js";
import { feedClearData, queueItemData, queuePageData } from "./callback-data.js";

/**
 * Buttons of one /queue page: per queued item Post now · Up · Down · Remove, per failed item
 * Retry · Remove, then paging and a refresh. Every button carries the page to redraw.
 */
export function queueKeyboard(view: QueueView, page: number): InlineKeyboard {
  const { d } = view;
  const keyboard = new InlineKeyboard();
  const first = page * QUEUE_PAGE_SIZE;
  view.entries.slice(first, first + QUEUE_PAGE_SIZE).forEach((entry, i) => {
    const position = first + i + 1;
    if (entry.state === "queued") {
      keyboard
        .text(`${position} · ${d.postNowButton}`, queueItemData("p", entry.id, page))
        .text(d.upButton, queueItemData("u", entry.id, page))
        .text(d.downButton, queueItemData("d", entry.id, page))
        .text(d.removeButton, queueItemData("r", entry.id, page))
        .row();
    } else if (entry.state === "failed") {
      keyboard
        .text(`${position} · ${d.retryButton}`, queueItemData("y", entry.id, page))
        .text(d.removeButton, queueItemData("r", entry.id, page))
        .row();
    }
  });
  // "Remove all from this feed" for each feed with a queued story on this page.
  const feedsShown = new Set(
    view.entries
      .slice(first, first + QUEUE_PAGE_SIZE)
      .flatMap((e) => (e.state === "queued" && e.feedId !== null ? [e.feedId] : [])),
  );
  for (const feedId of feedsShown) {
    keyboard.text(d.removeAllFromFeedButton(feedId), feedClearData("fa", feedId)).row();
  }
  const pages = pageCount(view);
  if (page > 0) keyboard.text(d.backButton, queuePageData(page - 1));
  keyboard.text(d.refreshButton, queuePageData(page));
  if (page < pages - 1) keyboard.text(d.nextPageButton, queuePageData(page + 1));
  return keyboard;
}
