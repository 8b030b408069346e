/**
 * The editors' button data. Every button carries a short ASCII string (far under Telegram's
 * 64 bytes) that names an action and the ids it acts on; nothing else is trusted from it.
 *
 * Queue buttons: `q:<action>:<itemId>` under a post preview, `q:<action>:<itemId>:<page>` under
 * the /queue list, `q:pg:<page>` to turn pages. Other editor buttons start with `e:`.
 */

/**
 * What a queue button does: post now, up, down, remove, to the top, retry a failed item,
 * post a scheduled item early (confirmed), keep it as scheduled.
 */
export type QueueAction = "p" | "u" | "d" | "r" | "t" | "y" | "e" | "k";

/** "Remove all from this feed": ask, yes (remove them), no. */
export type FeedClearAction = "fa" | "fy" | "fn";

export type QueueButton =
  | {
      readonly kind: "item";
      readonly action: QueueAction;
      readonly itemId: number;
      readonly page?: number;
    }
  | { readonly kind: "page"; readonly page: number };

const ITEM = /^q:([pudrtyek]):([1-9]\d{0,11})(?::(\d{1,4}))?$/;
const PAGE = /^q:pg:(\d{1,4})$/;
const FEED = /^e:(fa|fy|fn):([1-9]\d{0,11})$/;

/** Button data of "Remove all from this feed" (`e:fa:<feedId>`) and its confirmation. */
export const feedClearData = (action: FeedClearAction, feedId: number): string =>
  `e:${action}:${feedId}`;

/** Reads "Remove all from this feed" data; undefined for anything malformed or forged. */
export function parseFeedClearData(
  data: string,
): { readonly action: FeedClearAction; readonly feedId: number } | undefined {
  const feed = FEED.exec(data);
  return feed ? { action: feed[1] as FeedClearAction, feedId: Number(feed[2]) } : undefined;
}

/** Button data for an item action; with `page` when the button sits under the /queue list. */
export function queueItemData(action: QueueAction, itemId: number, page?: number): string {
  return page === undefined ? `q:${action}:${itemId}` : `q:${action}:${itemId}:${page}`;
}

/** Button data that shows page `page` of the /queue list. */
export const queuePageData = (page: number): string => `q:pg:${page}`;

/** Reads queue button data; undefined for anything malformed or forged. */
export function parseQueueData(data: string): QueueButton | undefined {
  const item = ITEM.exec(data);
  if (item) {
    const page = item[3] === undefined ? undefined : Number(item[3]);
    return {
      kind: "item",
      action: item[1] as QueueAction,
      itemId: Number(item[2]),
      ...(page === undefined ? {} : { page }),
    };
  }
  const page = PAGE.exec(data);
  return page ? { kind: "page", page: Number(page[1]) } : undefined;
}

/** Pending paste, "Queue it": `e:pq:<key>`. */
export const pasteQueueData = (key: string): string => `e:pq:${key}`;
/** Pending paste, "No": `e:px:<key>`. */
export const pasteDropData = (key: string): string => `e:px:${key}`;
/** Either paste button; the key is what paste-store's newPasteKey makes. */
export const PASTE_DATA = /^e:(pq|px):([a-z0-9]{6,16})$/;

/** "Make public now" under an editor's view of a private article: `e:mp:<articleId>`. */
export const makePublicData = (articleId: number): string => `e:mp:${articleId}`;
export const MAKE_PUBLIC_DATA = /^e:mp:([1-9]\d{0,14})$/;

/** The /new dialog: when to post (next slot / now) and confirm / cancel. */
export const NEW_NEXT_SLOT = "e:wn";
export const NEW_NOW = "e:wp";
export const NEW_CONFIRM = "e:nc";
export const NEW_CANCEL = "e:nx";

/** /new, a typed time the clocks skip or repeat: one of the offered moments, `e:wt:<unix minutes>`. */
export const newAtData = (at: number): string => `e:wt:${Math.floor(at / 60_000)}`;
export const NEW_AT_DATA = /^e:wt:(\d{1,10})$/;

/** What a feed card button does: store-only, pause, include / exclude words, remove (ask, do, keep). */
export type FeedAction = "s" | "p" | "i" | "x" | "r" | "rc" | "rk";
/** A feed card button: `e:f:<action>:<feedId>`. */
export const feedCardData = (action: FeedAction, feedId: number): string =>
  `e:f:${action}:${feedId}`;
const FEED_CARD = /^e:f:(s|p|i|x|r|rc|rk):([1-9]\d{0,11})$/;
/** Reads feed card button data; undefined for anything malformed or forged. */
export function parseFeedCardData(
  data: string,
): { readonly action: FeedAction; readonly feedId: number } | undefined {
  const m = FEED_CARD.exec(data);
  return m ? { action: m[1] as FeedAction, feedId: Number(m[2]) } : undefined;
}
/** "Outcome unknown" question: `e:oc:<itemId>` it is in the channel, `e:os:<itemId>` send again. */
export const outcomeData = (choice: "in-channel" | "send-again", itemId: number): string =>
  `e:${choice === "in-channel" ? "oc" : "os"}:${itemId}`;
export const OUTCOME_DATA = /^e:(oc|os):([1-9]\d{0,11})$/;
