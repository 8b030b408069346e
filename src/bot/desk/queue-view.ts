import type { DeskMessages } from "../i18n/index.js";
import type { EditorDesk } from "./desk.js";
import type { QueueEntry, QueueView } from "./formatters/queue.js";

/** Failed items shown after the live ones, newest first. */
const FAILED_SHOWN = 10;

/** The queue as editors see it now: live items in order, then recently failed ones. */
export function loadQueueView(desk: EditorDesk, d: DeskMessages): QueueView {
  const live: QueueEntry[] = desk.queue.list().map((item) => ({
    id: item.id,
    title: item.title,
    state: item.state,
    plannedAt: item.plannedAt,
    notBefore: item.notBefore,
    lastError: item.lastError,
    attempts: item.attempts,
    feedId: item.feedId,
  }));
  const failed: QueueEntry[] = desk.queue.failed(FAILED_SHOWN).map((item) => {
    const article = desk.articles.findById(item.articleId);
    return {
      id: item.id,
      title: article?.title ?? d.articleDeleted,
      state: item.state,
      plannedAt: null,
      notBefore: item.notBefore,
      lastError: item.lastError,
      attempts: item.attempts,
      feedId: article?.feedId ?? null,
    };
  });
  return {
    entries: [...live, ...failed],
    paused: desk.queue.stats().paused,
    timezone: desk.timezone,
    d,
  };
}
