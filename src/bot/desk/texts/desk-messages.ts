import type { ArticleProblem } from "../../../articles/article-problem.js";
import type { FeedProblem } from "../../../feeds/feed-errors.js";
import type { OpmlProblem } from "../../../feeds/opml.js";
import type { Locale } from "../../../i18n/locale.js";
import type { QueueState } from "../../../publishing/queue-item.js";
import type { CommandHelp } from "../../readers/texts/reader-messages.js";
import type { DeskHelpCommand, DeskMenuCommand } from "../desk-commands.js";
import type { WhenProblem as WhenReason } from "../parse-when.js";

/**
 * Every editor-facing text of the desk, in one language. Plain text unless a name ends in Html:
 * those return Telegram HTML and get every argument already escaped by the caller. Counts go
 * through `plural` (src/i18n/plural.ts) so Russian reads "1 статья, 2 статьи, 5 статей".
 */
export interface DeskMessages {
  readonly locale: Locale;
  readonly deskOff: string;

  // The queue item as intake and previews name it.
  stateName(state: QueueState): string;
  itemInState(itemId: number, state: string): string;
  itemWhere(itemId: number, position: number, when: string): string;
  readonly beingPostedNow: string;
  planned(time: string): string;
  readonly pausedResume: string;
  readonly noRunAhead: string;
  storedCreated(articleId: number): string;
  storedUpdated(articleId: number): string;
  storedSame(articleId: number): string;
  queued(stored: string, where: string): string;
  alreadyQueued(stored: string, where: string): string;
  alreadyPosted(stored: string): string;
  notQueued(reason: string): string;
  articleProblem(problem: ArticleProblem): string;

  // Buttons.
  readonly postNowButton: string;
  readonly removeButton: string;
  readonly moveToTopButton: string;
  readonly upButton: string;
  readonly downButton: string;
  readonly retryButton: string;
  readonly backButton: string;
  readonly refreshButton: string;
  readonly nextPageButton: string;

  // Answers to queue buttons.
  readonly staleItem: string;
  readonly removedFromQueue: string;
  readonly movedToTop: string;
  readonly movedUp: string;
  readonly movedDown: string;
  readonly queuedAgain: string;
  readonly buttonInvalid: string;
  readonly articleDeleted: string;

  // The /queue page.
  queueHeaderHtml(waiting: number, failed: number): string;
  readonly runningOnSchedule: string;
  pausedSinceHtml(time: string, byTelegram: boolean, why: string): string;
  readonly waitsForResume: string;
  feedTag(feedId: number): string;
  notBefore(time: string): string;
  attempts(n: number): string;
  lastError(text: string): string;
  readonly queueEmpty: string;
  pageOf(page: number, pages: number): string;
  timesIn(zone: string): string;

  // What publishing did.
  /** What an editor sees at once after "Post now", until the outcome replaces it. */
  readonly posting: string;
  postingItem(itemId: number): string;
  readonly unexpectedError: string;
  outcomeUnknown(reason: string): string;
  outcomeQuestionHtml(title: string, itemId: number, reason: string): string;
  readonly inChannelButton: string;
  readonly sendAgainButton: string;
  itemLabel(itemId: number): string;
  readonly outcomeRecorded: string;
  readonly outcomeRecordedShort: string;
  readonly sendingAgain: string;
  outcomeAlreadyDecided(title: string, itemId: number, inChannel: boolean | undefined): string;
  outcomeItemGone(itemId: number): string;
  readonly posted: string;
  readonly postedPlain: string;
  markedFailed(reason: string): string;
  retryLater(reason: string): string;
  channelRefusedPaused(reason: string): string;
  outcomeLine(itemId: number, articleId: number, text: string): string;
  itemProblem(itemId: number, text: string): string;
  nothingPosted(reason: string): string;
  readonly noPublisher: string;
  readonly queueIsEmpty: string;
  noSuchItem(itemId: number): string;
  scheduledFor(itemId: number, time: string): string;
  nothingDue(next: string): string;
  readonly postnowUsage: string;
  postEarlyQuestionHtml(itemId: number, time: string): string;
  readonly postEarlyButton: string;
  readonly keepScheduledButton: string;
  readonly keptScheduled: string;
  readonly scheduledConfirmBelow: string;
  clearYesButton(count: number): string;
  readonly clearNoButton: string;
  readonly clearqueueUsage: string;
  feedNothingQueued(label: string): string;
  clearQuestionHtml(count: number, label: string): string;
  readonly nothingRemoved: string;
  keptFeedItems(label: string): string;
  removedCount(count: number): string;
  removedFromFeedHtml(count: number, label: string): string;
  removeAllFromFeedButton(feedId: number): string;
  noSuchArticle(id: number): string;
  articlePublicNow(id: number): string;
  articlePublic(id: number): string;
  readonly makePublicButton: string;
  readonly pausedNow: string;
  alreadyPaused(since: string | undefined): string;
  readonly resumed: string;
  readonly notPaused: string;

  // /stats.
  readonly statsTitle: string;
  telegramUnreachable(since: string): string;
  articlesStored(n: number): string;
  queuedLine(queued: number, failed: number): string;
  postedLine(today: number, week: number): string;
  publishingPaused(since: string, byTelegram: boolean): string;
  readonly publishingRunning: string;
  publishingLine(state: string): string;
  lastDeliveryError(text: string | undefined): string;
  feedsLine(total: number, ok: number, failing: number, pending: number): string;
  moreFailingFeeds(n: number): string;

  // Feeds.
  readonly feedOk: string;
  readonly feedNotFetched: string;
  feedFailing(n: number): string;
  feedAddedHtml(name: string, id: number): string;
  feedOffered(found: number, created: number, queued: number, storeOnly: boolean): string;
  alsoInNote(n: number): string;
  cutNote(n: number): string;
  itemsRefused(n: number, reason: string): string;
  lastFetchRefused(n: number, reason: string): string;
  readonly unknownReason: string;
  feedsTitleHtml(n: number): string;
  readonly noFeeds: string;
  readonly neverFetched: string;
  lastFetch(time: string): string;
  articles(n: number): string;
  readonly storeOnlyTag: string;
  readonly pollingPausedTag: string;
  includeTag(words: string): string;
  excludeTag(words: string): string;
  readonly feedsTail: string;
  moreFeeds(n: number): string;
  readonly addfeedUsage: string;
  feedNotAdded(reason: string): string;
  feedProblem(problem: FeedProblem): string;
  readonly removefeedUsage: string;
  feedRemovedHtml(id: number, url: string): string;
  noSuchFeed(id: number): string;

  // The /feed card.
  readonly feedUsage: string;
  feedCardHtml(card: FeedCardText): string;
  storeOnlyButton(on: boolean): string;
  pollingButton(paused: boolean): string;
  readonly includeButton: string;
  readonly excludeButton: string;
  readonly removeFeedButton: string;
  readonly confirmRemoveButton: string;
  readonly keepButton: string;
  confirmRemoveHtml(id: number, url: string): string;
  readonly storeOnlyNowOn: string;
  readonly storeOnlyNowOff: string;
  readonly pollingNowPaused: string;
  readonly pollingNowOn: string;
  askWords(kind: "include" | "exclude", feedId: number, current: string): string;
  wordsSaved(kind: "include" | "exclude", words: string): string;
  readonly wordsTooMany: string;
  readonly anyWord: string;
  readonly noWord: string;

  // OPML.
  readonly opmlReading: string;
  opmlRefused(problem: OpmlProblem): string;
  opmlReportHtml(report: OpmlReportText): string;
  opmlExportCaption(n: number): string;
  readonly opmlNoFeeds: string;

  // Pasted and forwarded texts.
  pasteQuestionHtml(headline: string, characters: number): string;
  readonly queueItButton: string;
  readonly noButton: string;
  readonly pasteGone: string;
  readonly notQueuedShort: string;

  // The /new and /add dialogs.
  readonly newStep1Html: string;
  readonly newStep2Html: string;
  readonly newStep3Html: string;
  newStep4Html(zone: string, example: string): string;
  readonly nextSlotButton: string;
  readonly nowButton: string;
  readonly confirmButton: string;
  readonly cancelButton: string;
  readonly headlineOneLine: string;
  headlineTooLong(length: number, max: number): string;
  textTooShort(min: number): string;
  textTooLong(length: number, max: number): string;
  readonly notALink: string;
  tryAgain(problem: string): string;
  whenProblem(reason: WhenReason, example: string): string;
  gapHtml(typed: string, nearest: readonly string[]): string;
  ambiguousHtml(typed: string): string;
  readonly whenNow: string;
  readonly whenNext: string;
  whenAt(time: string): string;
  previewIntro(when: string): string;
  readonly pressConfirm: string;
  readonly cancelled: string;
  readonly nothingToCancel: string;
  readonly dialogOver: string;
  readonly answerWithText: string;
  readonly inTheMiddle: string;
  readonly addPrompt: string;
  readonly dialogClosed: string;

  // /help for editors and the editors' command menu.
  readonly deskHelpTitle: string;
  /** Under the /start welcome, for editors only. */
  readonly startHint: string;
  /** Each /help line of the desk: DESK_HELP_COMMANDS gives their order. */
  readonly deskHelp: Readonly<Record<DeskHelpCommand, Omit<CommandHelp, "command">>>;
  readonly menu: Readonly<Record<DeskMenuCommand, string>>;
}

/** What the /feed card shows, already formatted and escaped. */
export interface FeedCardText {
  readonly id: number;
  readonly name: string;
  readonly url: string;
  readonly paused: boolean;
  readonly storeOnly: boolean;
  readonly include: string;
  readonly exclude: string;
  readonly lastFetch: string;
  readonly articles: number;
  readonly health: string;
  readonly lastError: string | undefined;
}

/** The lines of an OPML import report, each already escaped. */
export interface OpmlReportText {
  readonly added: readonly string[];
  readonly present: readonly string[];
  readonly refused: readonly { readonly url: string; readonly reason: string }[];
}
