import { plural } from "../../../i18n/plural.js";
import type { DeskMessages } from "./desk-messages.js";
import { articleProblem, feedProblem } from "./en-reasons.js";

const n = (count: number, one: string, other: string) => plural("en", count, { one, other });

const STATES = {
  queued: "queued",
  sending: "being sent",
  posted: "posted",
  failed: "failed",
  removed: "removed",
} as const;

const OPML_PROBLEMS = {
  "too-large": "the file is larger than 1 MB; an OPML list of feeds is far smaller",
  "not-xml": "the file is not readable XML",
  "not-opml": "the file is not OPML (no <opml> with a <body>)",
  entities: "the file declares a DOCTYPE or entities, which OPML never needs; it is refused",
  "too-many": "the file lists more than 200 feeds; split it into smaller files",
  "no-feeds": "the file lists no feed addresses (xmlUrl)",
  "download-failed": "the file could not be downloaded from Telegram; please send it again",
} as const;

const WHEN = {
  format: (ex: string) => `write the date and time like ${ex} (day.month.year hours:minutes)`,
  "no-such-time": () => "there is no such date or time",
  past: () => "that time has already passed",
  "too-far": () => "that is more than a year ahead",
} as const;

/** The desk in English. */
export const deskEn: DeskMessages = {
  locale: "en",
  deskOff:
    "The editors' desk is off: CHANNEL_ID is not set, so there is no queue to run. Set CHANNEL_ID in .env and restart the bot.",

  stateName: (state) => STATES[state],
  itemInState: (id, state) => `item #${id} is ${state}`,
  itemWhere: (id, position, when) => `item #${id}, position ${position}, ${when}`,
  beingPostedNow: "being posted now",
  planned: (time) => `planned ${time}`,
  pausedResume: "publishing is paused (/resume)",
  noRunAhead: "no scheduled run ahead",
  storedCreated: (id) => `Stored as article ${id}`,
  storedUpdated: (id) => `Already in the archive as article ${id}; its text was updated`,
  storedSame: (id) => `Already in the archive as article ${id}`,
  queued: (stored, where) => `✅ ${stored} and queued: ${where}.`,
  alreadyQueued: (stored, where) => `ℹ️ ${stored}; it is already queued: ${where}.`,
  alreadyPosted: (stored) =>
    `ℹ️ ${stored}; it was already posted to the channel, so it is not queued again.`,
  notQueued: (reason) => `❌ Not queued: ${reason}.`,
  articleProblem,

  postNowButton: "Post now",
  removeButton: "Remove",
  moveToTopButton: "Move to top",
  upButton: "Up",
  downButton: "Down",
  retryButton: "Retry",
  backButton: "‹ Back",
  refreshButton: "Refresh",
  nextPageButton: "Next ›",

  staleItem: "That item is no longer in the queue.",
  removedFromQueue: "Removed from the queue.",
  movedToTop: "Moved to the top.",
  movedUp: "Moved up.",
  movedDown: "Moved down.",
  queuedAgain: "Queued again at the end.",
  buttonInvalid: "This button is not valid.",
  articleDeleted: "(article deleted)",

  queueHeaderHtml: (waiting, failed) =>
    `<b>Publication queue</b>: ${waiting} waiting${failed ? ` · ${failed} failed` : ""}`,
  runningOnSchedule: "▶️ Publishing runs on schedule.",
  pausedSinceHtml: (time, byTelegram, why) =>
    `⏸ <b>Publishing is paused</b> since ${time} (${byTelegram ? "Telegram refused the channel" : "paused by an editor"}${why ? `: ${why}` : ""}). /resume to restart it.`,
  waitsForResume: "waits for /resume",
  feedTag: (id) => `feed #${id}`,
  notBefore: (time) => `not before ${time}`,
  attempts: (count) => n(count, "attempt", "attempts"),
  lastError: (text) => `last error: ${text}`,
  queueEmpty: "The queue is empty. /add an article or /new to write one.",
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  timesIn: (zone) => `Times in ${zone}.`,

  posting: "⏳ Posting…",
  postingItem: (id) => `⏳ Posting… (item #${id})`,
  unexpectedError: "an unexpected error; the item is still queued",
  outcomeUnknown: (reason) =>
    `Telegram may or may not have the post (${reason}); it is held and the editors are asked.`,
  outcomeQuestionHtml: (title, id, reason) =>
    `⚠️ <b>Is this post in the channel?</b>\n«${title}» (item #${id})\n\n` +
    `The bot cannot tell: ${reason}. It is held and will not be sent again ` +
    "until you choose. Look at the channel, then press one button.",
  inChannelButton: "It is in the channel",
  sendAgainButton: "Send it again",
  itemLabel: (id) => `item #${id}`,
  outcomeRecorded: "Recorded: it is posted and will not be sent again.",
  outcomeRecordedShort: "Recorded.",
  sendingAgain: "Sending it again…",
  outcomeAlreadyDecided: (title, id, inChannel) =>
    `«${title}» (item #${id}) was already decided${
      inChannel === undefined ? "" : `: ${inChannel ? "it is in the channel" : "sent again"}`
    }. Nothing changed.`,
  outcomeItemGone: (id) => `Item #${id} is no longer in the queue. Nothing changed.`,
  posted: "Posted to the channel.",
  postedPlain: "Posted to the channel (as plain text: Telegram refused the formatting).",
  markedFailed: (reason) => `Telegram refused the post; it is marked failed: ${reason}`,
  retryLater: (reason) => `Not delivered yet; it stays queued and is tried again: ${reason}`,
  channelRefusedPaused: (reason) =>
    `The channel refused the bot, so publishing is paused: ${reason}`,
  outcomeLine: (itemId, articleId, text) => `Item #${itemId} (article ${articleId}): ${text}`,
  itemProblem: (itemId, text) => `Item #${itemId}: ${text}`,
  nothingPosted: (reason) => `⚠️ Nothing posted: ${reason}.`,
  noPublisher: "publishing is not set up in this bot (no CHANNEL_ID?)",
  queueIsEmpty: "the queue is empty",
  noSuchItem: (id) => `there is no queue item ${id}`,
  scheduledFor: (id, time) => `item #${id} is scheduled for ${time}`,
  nothingDue: (next) =>
    `nothing is due yet: the next item is scheduled for ${next} (/postnow <ID> posts one early)`,
  postnowUsage:
    "Usage: /postnow to publish the next due item, or /postnow 12 for item #12 of /queue.",
  postEarlyQuestionHtml: (id, time) =>
    `⏰ Item #${id} is scheduled for <b>${time}</b>. Post it now, before its time?`,
  postEarlyButton: "Post now anyway",
  keepScheduledButton: "Keep as scheduled",
  keptScheduled: "It stays scheduled.",
  scheduledConfirmBelow: "Scheduled for later: confirm below.",
  clearYesButton: (count) => `Yes, remove ${count}`,
  clearNoButton: "No, keep them",
  clearqueueUsage:
    "Usage: /clearqueue 3 (the feed's ID from /feeds): removes that feed's queued items.",
  feedNothingQueued: (label) => `Feed ${label} has nothing in the queue.`,
  clearQuestionHtml: (count, label) =>
    `🗑 Remove all ${count} queued ${count === 1 ? "item" : "items"} of feed ${label}? The stories stay in the archive, not public.`,
  nothingRemoved: "Nothing removed.",
  keptFeedItems: (label) => `Kept the queued items of feed ${label}.`,
  removedCount: (count) => `Removed ${count}.`,
  removedFromFeedHtml: (count, label) =>
    `🗑 Removed ${count} queued ${count === 1 ? "item" : "items"} of feed ${label}. Their stories stay in the archive, not public.`,
  removeAllFromFeedButton: (feedId) => `Remove all from feed #${feedId}`,
  noSuchArticle: (id) => `There is no article ${id}.`,
  articlePublicNow: (id) => `Article ${id} is public now.`,
  articlePublic: (id) => `🔓 Article ${id} is public: readers see it in /latest and /search.`,
  makePublicButton: "Make public now",
  pausedNow:
    "⏸ Scheduled publishing is paused, also after a restart. /postnow still posts; /resume restarts the schedule.",
  alreadyPaused: (since) =>
    `Publishing was already paused${since ? ` since ${since}` : ""}. /resume restarts it.`,
  resumed: "▶️ Scheduled publishing is running again. /queue shows the planned times.",
  notPaused: "Publishing was not paused; it runs on schedule.",

  statsTitle: "Newsroom stats",
  telegramUnreachable: (since) =>
    `⚠️ Telegram unreachable since ${since}: posts wait and are retried.`,
  articlesStored: (count) => `Articles stored: ${count}`,
  queuedLine: (queued, failed) => `Queued: ${queued}${failed ? ` · failed: ${failed}` : ""}`,
  postedLine: (today, week) => `Posted today: ${today} · last 7 days: ${week}`,
  publishingPaused: (since, byTelegram) =>
    `⏸ paused since ${since}${byTelegram ? " (Telegram refused the channel)" : ""} — /resume`,
  publishingRunning: "▶️ running on schedule",
  publishingLine: (state) => `Publishing: ${state}`,
  lastDeliveryError: (text) => `Last delivery error: ${text ?? "none"}`,
  feedsLine: (total, ok, failing, pending) =>
    total === 0
      ? "Feeds: none"
      : `Feeds: ${total} · ok ${ok} · failing ${failing}${pending ? ` · not fetched yet ${pending}` : ""}`,
  moreFailingFeeds: (count) =>
    `… and ${n(count, "more failing feed", "more failing feeds")} not shown.`,

  feedOk: "ok",
  feedNotFetched: "not fetched yet",
  feedFailing: (count) => `failing (${count} in a row)`,
  feedAddedHtml: (name, id) => `✅ Feed <b>${name}</b> added as #${id}.`,
  feedOffered: (found, created, queued, storeOnly) =>
    `It offered ${n(found, "item", "items")}: ${created} new archived (readers see them now), ${
      storeOnly
        ? "store-only feed: nothing is queued, now or later."
        : `${queued} queued for the channel.\nItems that appear later are queued (only archived when older than FEED_MAX_AGE).`
    }`,
  alsoInNote: (count) => `${n(count, "item", "items")} already in the archive from another source`,
  cutNote: (count) => `${n(count, "text", "texts")} cut to 100,000 characters`,
  itemsRefused: (count, reason) => `⚠️ ${n(count, "item", "items")} could not be stored: ${reason}.`,
  lastFetchRefused: (count, reason) =>
    `last fetch could not store ${n(count, "item", "items")}: ${reason}`,
  unknownReason: "unknown reason",
  feedsTitleHtml: (count) => `<b>Feeds</b> (${count})`,
  noFeeds: "No feeds yet. Add one with /addfeed &lt;url&gt; [store-only], or send an .opml file.",
  neverFetched: "never fetched",
  lastFetch: (time) => `last fetch ${time}`,
  articles: (count) => n(count, "article", "articles"),
  storeOnlyTag: "store-only",
  pollingPausedTag: "⏸ polling paused",
  includeTag: (words) => `only with: ${words}`,
  excludeTag: (words) => `never with: ${words}`,
  feedsTail:
    "/feed &lt;ID&gt; opens a feed's card (rules, pause, remove); /clearqueue &lt;ID&gt; empties its queued items; /feeds export sends the list as OPML.",
  moreFeeds: (count) => `… and ${n(count, "more feed", "more feeds")} not shown.`,
  addfeedUsage:
    "Usage: /addfeed https://example.com/rss [store-only] [latest N]\nWhat the feed lists now is archived; latest N also queues its newest N items.",
  feedNotAdded: (reason) => `❌ Feed not added: ${reason}.`,
  feedProblem,
  removefeedUsage: "Usage: /removefeed 3 (the feed's ID from /feeds)",
  feedRemovedHtml: (id, url) => `🗑 Feed #${id} (${url}) removed. Its articles stay in the archive.`,
  noSuchFeed: (id) => `There is no feed #${id}. /feeds lists them.`,

  feedUsage:
    "Usage: /feed 3 (the feed's ID from /feeds) opens its card; /feeds export sends all feeds as OPML.",
  feedCardHtml: (c) =>
    [
      `<b>Feed #${c.id}</b> ${c.name}`,
      c.url,
      "",
      `Polling: ${c.paused ? "⏸ paused (nothing is fetched)" : "▶️ on"}`,
      `Store-only: ${c.storeOnly ? "on (new items are archived, not queued)" : "off (new items are queued)"}`,
      `Include words: ${c.include}`,
      `Exclude words: ${c.exclude}`,
      "",
      `${c.lastFetch} · ${n(c.articles, "article", "articles")} · ${c.health}`,
      ...(c.lastError ? [`Last error: ${c.lastError}`] : []),
      "",
      "An item is queued only when its headline or text has an include word (if any are set) and no exclude word; filtered items are still archived. Rules apply from the next fetch.",
    ].join("\n"),
  storeOnlyButton: (on) => (on ? "Store-only: on → off" : "Store-only: off → on"),
  pollingButton: (paused) => (paused ? "▶️ Resume polling" : "⏸ Pause polling"),
  includeButton: "Include words…",
  excludeButton: "Exclude words…",
  removeFeedButton: "🗑 Remove feed",
  confirmRemoveButton: "Yes, remove it",
  keepButton: "No, keep it",
  confirmRemoveHtml: (id, url) =>
    `Remove feed #${id} (${url})? Polling stops; its articles stay in the archive.`,
  storeOnlyNowOn: "Store-only on: new items are archived, not queued.",
  storeOnlyNowOff: "Store-only off: new items are queued.",
  pollingNowPaused: "Polling paused.",
  pollingNowOn: "Polling on again.",
  askWords: (kind, id, current) =>
    `Send the ${kind === "include" ? "include" : "exclude"} words for feed #${id}, separated by commas (a word ending in * matches its forms, e.g. election*). Send - to clear them, /cancel to keep them.\nNow: ${current}`,
  wordsSaved: (kind, words) =>
    `Saved. ${kind === "include" ? "Include" : "Exclude"} words: ${words}. They apply from the next fetch.`,
  wordsTooMany: "At most 50 words of up to 60 characters each. Try again, or /cancel.",
  anyWord: "any (no include words)",
  noWord: "none",

  opmlReading:
    "Reading the OPML file and adding its feeds; this can take a minute. You can carry on meanwhile: the report follows.",
  opmlRefused: (problem) => `❌ OPML not imported: ${OPML_PROBLEMS[problem]}.`,
  opmlReportHtml: (r) =>
    [
      `<b>OPML import</b>: ${r.added.length} added · ${r.present.length} already present · ${r.refused.length} refused`,
      ...(r.added.length ? ["", "<b>Added</b>", ...r.added.map((l) => `• ${l}`)] : []),
      ...(r.present.length
        ? ["", "<b>Already present</b>", ...r.present.map((l) => `• ${l}`)]
        : []),
      ...(r.refused.length
        ? ["", "<b>Refused</b>", ...r.refused.map((x) => `• ${x.url}: ${x.reason}`)]
        : []),
    ].join("\n"),
  opmlExportCaption: (count) => `${n(count, "feed", "feeds")} as OPML.`,
  opmlNoFeeds: "There are no feeds to export yet.",

  pasteQuestionHtml: (headline, chars) =>
    `Queue this as an article?\n<b>${headline}</b> (${n(chars, "character", "characters")})`,
  queueItButton: "Queue it",
  noButton: "No",
  pasteGone: "That text is no longer kept; send it again.",
  notQueuedShort: "Not queued.",

  newStep1Html: "📝 New post (step 1 of 4). Send the <b>headline</b>. /cancel leaves at any step.",
  newStep2Html:
    "Step 2 of 4: send the <b>text</b> of the post. Separate paragraphs with an empty line.",
  newStep3Html: "Step 3 of 4: send a <b>link</b> to the full story, or /skip.",
  newStep4Html: (zone, example) =>
    `Step 4 of 4: <b>when</b> should it go out? Press a button, or send a date and time in ${zone} like ${example}.`,
  nextSlotButton: "Next slot",
  nowButton: "Now",
  confirmButton: "Confirm",
  cancelButton: "Cancel",
  headlineOneLine: "The headline is one line.",
  headlineTooLong: (length, max) => `The headline is ${length} characters; at most ${max}.`,
  textTooShort: (min) => `The text is too short (at least ${min} characters).`,
  textTooLong: (length, max) =>
    `The text is ${length} characters; /new takes at most ${max} (use /add for longer articles).`,
  notALink: "That is not an http(s) link.",
  tryAgain: (problem) => `${problem} Try again, or /cancel.`,
  whenProblem: (reason, example) =>
    `Not a time I can use: ${WHEN[reason](example)}. Try again, or /cancel.`,
  gapHtml: (typed, nearest) =>
    `${typed} does not exist: the clocks jump forward an hour that night. The nearest real times are ${nearest.join(" and ")}: press one, or send another time.`,
  ambiguousHtml: (typed) =>
    `${typed} happens twice that night (the clocks go back an hour). Which one: press a button, or send another time.`,
  whenNow: "right after you confirm",
  whenNext: "at the next scheduled slot (first in the queue)",
  whenAt: (time) => `not before ${time}`,
  previewIntro: (when) => `Preview. It will be posted ${when}:`,
  pressConfirm: "Press Confirm or Cancel under the preview.",
  cancelled: "Cancelled: nothing was saved.",
  nothingToCancel: "There is nothing to cancel.",
  dialogOver: "This dialog is over. /new starts a new post.",
  answerWithText: "Please answer with text, or /cancel to leave.",
  inTheMiddle: "You are in the middle of it: answer the last question, or /cancel to start over.",
  addPrompt:
    "Send the article as your next message: the headline on the first line, then the text. /cancel to stop.",
  dialogClosed: "Only the newsroom's editors can do this; the dialog is closed.",

  deskHelpTitle: "Editors' desk",
  startHint:
    "You are one of the newsroom's editors: /help lists the desk's commands too, and the menu has them.",
  deskHelp: {
    add: {
      example: "/add",
      what: "then paste the article (headline on the first line) to store and queue it; or forward a post",
    },
    new: { example: "/new", what: "write a post step by step: headline, text, link, when" },
    queue: { example: "/queue", what: "the queue with planned times; reorder, post, remove" },
    postnow: {
      example: "/postnow 12",
      what: "publish item #12 now (without a number: the next one)",
    },
    clearqueue: {
      example: "/clearqueue 3",
      what: "take every queued item of feed #3 out of the queue (asks first)",
    },
    pause: { example: "/pause", what: "stop scheduled publishing (/resume starts it again)" },
    addfeed: {
      example: "/addfeed https://example.com/rss store-only",
      what: "add a feed (store-only: archive without queueing)",
    },
    feeds: {
      example: "/feeds",
      what: "the feeds, their rules and health; /feeds export sends OPML",
    },
    feed: {
      example: "/feed 3",
      what: "feed #3's card: include/exclude words, store-only, pause, remove",
    },
    removefeed: { example: "/removefeed 3", what: "stop polling feed #3 (its articles stay)" },
    stats: { example: "/stats", what: "archive, queue, posts and feeds in figures" },
    language: { example: "/language", what: "English or Russian for your replies" },
  },
  menu: {
    add: "Queue a pasted article",
    new: "Write a post step by step",
    queue: "The publication queue",
    postnow: "Publish the next due post now",
    clearqueue: "Remove a feed's queued items: /clearqueue <feed ID>",
    pause: "Pause scheduled publishing",
    resume: "Resume scheduled publishing",
    addfeed: "Add a feed: /addfeed <url> [store-only] [latest N]",
    feeds: "The feeds; /feeds export for OPML",
    feed: "A feed's card and rules: /feed <ID>",
    removefeed: "Remove a feed: /removefeed <ID>",
    stats: "Archive and publishing figures",
    cancel: "Leave the current dialog",
  },
};
