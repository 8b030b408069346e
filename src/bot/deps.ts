import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import type { ArticleScope } from "../articles/article.js";
import type { ArticleService } from "../articles/article-service.js";
import type { EditorMenusRepository } from "../db/editor-menus-repository.js";
import type { KeyValueStorage } from "../db/key-value-storage.js";
import type { UserLanguagesRepository } from "../db/user-languages-repository.js";
import type { FeedService } from "../feeds/feed-service.js";
import type { Logger } from "../logger.js";
import type { Publisher } from "../publishing/publisher.js";
import type { QueueService } from "../publishing/queue-service.js";
import type { BackgroundWork } from "./desk/background-work.js";
import type { PendingPaste } from "./desk/paste-store.js";
import type { SearchHitView } from "./readers/formatters/search-results.js";
import type { RateLimitSettings } from "./readers/rate-limit.js";

/** Whether Telegram answers; unreachableSince is set after a minute of network failures. */
export interface TelegramReachability {
  readonly reachable: boolean;
  readonly unreachableSince: number | null;
}

/** One page of ranked hits, and whether another page follows. */
export interface ReaderSearchPage {
  readonly hits: readonly SearchHitView[];
  readonly hasMore: boolean;
}

/**
 * What the readers' features need from the search service (src/search/search-service.ts
 * satisfies it): ranked full-text search that accepts any string, hostile ones included,
 * without throwing, over public articles unless the scope says "all".
 */
export interface ReaderSearch {
  search(
    query: string,
    options: { limit: number; offset: number; scope?: ArticleScope },
  ): ReaderSearchPage;
}

/**
 * Everything the bot's features need, handed in by the composition root (src/main.ts)
 * or by a test. Handlers never open the database or read the environment themselves.
 */
export interface BotDeps {
  readonly logger: Logger;
  readonly articles: ArticleService;
  /** Where unfinished /new dialogs are kept, so they survive a restart. */
  readonly conversationStorage: KeyValueStorage<VersionedState<ConversationData>>;
  /** The publication queue; the editors' features are installed only when it is given. */
  readonly queue?: QueueService;
  /** Delivers posts; editors' "Post now" calls the same publisher as the scheduler. */
  readonly publisher?: Pick<Publisher, "postNow" | "resolveUnknown">;
  /** Feeds editors add, list and remove from the chat. */
  readonly feeds?: Pick<
    FeedService,
    "addFeed" | "listFeeds" | "removeFeed" | "findFeed" | "setRules"
  >;
  /** /language choices, remembered per user (user_languages); Telegram's language alone when absent. */
  readonly languages?: UserLanguagesRepository;
  /** Which editors' chats have the editors' command menu (editor_menus); no menu syncing when absent. */
  readonly editorMenus?: EditorMenusRepository;
  /** Texts an editor forwarded or pasted, kept until they answer "queue it?" (bot_sessions). */
  readonly pendingPastes?: KeyValueStorage<PendingPaste>;
  /** Full-text search for /search and inline mode; /search is installed only when given. */
  readonly search?: ReaderSearch;
  /** The clock (Unix ms) of the day's digest and the rate limits; Date.now when absent. */
  readonly now?: () => number;
  /** Where editors' deliveries run after their update is answered; main.ts waits for it at shutdown. */
  readonly background?: BackgroundWork;
  /** Whether Telegram answers the bot (shown in /stats when it has not for a while). */
  readonly telegramStatus?: () => TelegramReachability;
  /** Per-reader limits on expensive requests; DEFAULT_RATE_LIMIT when absent. */
  readonly rateLimit?: RateLimitSettings;
}
