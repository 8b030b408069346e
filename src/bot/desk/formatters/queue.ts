import type { PauseInfo } from "../../../publishing/pause-state.js";
import type { QueueState } from "../../../publishing/queue-item.js";
import type { DeskMessages } from "../../i18n/index.js";
import { escapeHtml, shortTitle, shownError, shownTime } from "./desk-text.js";

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
  /** The editor's texts (language) this view is drawn in. */
  readonly d: DeskMessages;
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
  const { d } = view;
  if (!view.paused) return d.runningOnSchedule;
  const why = view.paused.reason ? shownError(view.paused.reason) : "";
  const since = escapeHtml(shownTime(view.paused.at, view.timezone, d.locale));
  return d.pausedSinceHtml(since, view.paused.by === "telegram", why);
}

function entryLines(entry: QueueEntry, position: number, view: QueueView): string {
  const { d } = view;
  const time = (at: number) => escapeHtml(shownTime(at, view.timezone, d.locale));
  const head = `${position}. <b>${shortTitle(entry.title)}</b>`;
  const facts = [`#${entry.id}`, d.stateName(entry.state)];
  if (entry.feedId !== null) facts.push(d.feedTag(entry.feedId));
  if (entry.state === "queued") {
    if (entry.plannedAt !== null) facts.push(d.planned(time(entry.plannedAt)));
    else facts.push(view.paused ? d.waitsForResume : d.noRunAhead);
    if (entry.notBefore !== null && entry.notBefore > (entry.plannedAt ?? 0)) {
      facts.push(d.notBefore(time(entry.notBefore)));
    }
  }
  if (entry.attempts > 0) facts.push(d.attempts(entry.attempts));
  const error = entry.lastError ? `\n   ${d.lastError(shownError(entry.lastError))}` : "";
  return `${head}\n   ${facts.join(" · ")}${error}`;
}

/** The text of one page of the /queue message (Telegram HTML, all article text escaped). */
export function queuePageHtml(view: QueueView, page: number): string {
  const { d } = view;
  const waiting = view.entries.filter((e) => e.state === "queued" || e.state === "sending").length;
  const failed = view.entries.length - waiting;
  const header = `${d.queueHeaderHtml(waiting, failed)}\n${pauseLine(view)}`;
  if (view.entries.length === 0) return `${header}\n\n${d.queueEmpty}`;
  const first = page * QUEUE_PAGE_SIZE;
  const lines = view.entries
    .slice(first, first + QUEUE_PAGE_SIZE)
    .map((entry, i) => entryLines(entry, first + i + 1, view));
  const pages = pageCount(view);
  const footer = pages > 1 ? `\n\n${d.pageOf(page + 1, pages)}` : "";
  return `${header}\n\n${lines.join("\n\n")}${footer}\n<i>${escapeHtml(d.timesIn(view.timezone))}</i>`;
}
