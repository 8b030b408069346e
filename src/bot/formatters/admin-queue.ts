import type { PauseInfo } from "../../publishing/pause-state.js";
import type { QueueState } from "../../publishing/queue-item.js";
import { shortTitle, shownError, shownTime } from "./admin-text.js";

/** One line of the /queue list: a live item (queued, sending) or a recently failed one. */
export interface QueueEntry {
  readonly id: number;
  readonly title: string;
  readonly state: QueueState;
  readonly plannedAt: number | null;
  readonly notBefore: number | null;
  readonly lastError: string | null;
  readonly attempts: number;
  /** The feed the story came from; null for pasted and written ones. */
  readonly feedId: number | null;
}

export interface QueueView {
  readonly entries: readonly QueueEntry[];
  readonly paused: PauseInfo | null;
  readonly timezone: string;
}

/** Items per page of /queue: keeps the message and its keyboard short on a phone. */
export const QUEUE_PAGE_SIZE = 5;

/** Pages of /queue: at least one, even when the queue is empty. */
export const pageCount = (view: QueueView): number =>
  Math.max(1, Math.ceil(view.entries.length / QUEUE_PAGE_SIZE));

/** The page number clamped into range (a page may vanish when items are removed). */
export const clampPage = (view: QueueView, page: number): number =>
  Math.min(Math.max(0, page), pageCount(view) - 1);

function pauseLine(view: QueueView): string {
  if (!view.paused) return "▶️ Publishing runs on schedule.";
  const who =
    view.paused.by === "telegram" ? "Telegram refused the channel" : "paused by an editor";
  const why = view.paused.reason ? `: ${shownError(view.paused.reason)}` : "";
  return `⏸ <b>Publishing is paused</b> since ${shownTime(view.paused.at, view.timezone)} (${who}${why}). /resume to restart it.`;
}

function entryLines(entry: QueueEntry, position: number, view: QueueView): string {
  const head = `${position}. <b>${shortTitle(entry.title)}</b>`;
  const facts = [`#${entry.id}`, entry.state];
  if (entry.feedId !== null) facts.push(`feed #${entry.feedId}`);
  if (entry.state === "queued") {
    if (entry.plannedAt !== null)
      facts.push(`planned ${shownTime(entry.plannedAt, view.timezone)}`);
    else facts.push(view.paused ? "waits for /resume" : "no scheduled run ahead");
    if (entry.notBefore !== null && entry.notBefore > (entry.plannedAt ?? 0)) {
      facts.push(`not before ${shownTime(entry.notBefore, view.timezone)}`);
    }
  }
  if (entry.attempts > 0) facts.push(`${entry.attempts} attempt${entry.attempts === 1 ? "" : "s"}`);
  const error = entry.lastError ? `\n   last error: ${shownError(entry.lastError)}` : "";
  return `${head}\n   ${facts.join(" · ")}${error}`;
}

/** The text of one page of the /queue message (Telegram HTML, all article text escaped). */
export function queuePageHtml(view: QueueView, page: number): string {
  const waiting = view.entries.filter((e) => e.state === "queued" || e.state === "sending").length;
  const failed = view.entries.length - waiting;
  const header = `<b>Publication queue</b>: ${waiting} waiting${failed ? ` · ${failed} failed` : ""}\n${pauseLine(view)}`;
  if (view.entries.length === 0) {
    return `${header}\n\nThe queue is empty. /add an article or /new to write one.`;
  }
  const first = page * QUEUE_PAGE_SIZE;
  const lines = view.entries
    .slice(first, first + QUEUE_PAGE_SIZE)
    .map((entry, i) => entryLines(entry, first + i + 1, view));
  const pages = pageCount(view);
  const footer = pages > 1 ? `\n\nPage ${page + 1} of ${pages}` : "";
  return `${header}\n\n${lines.join("\n\n")}${footer}`;
}
