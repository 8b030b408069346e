import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import type { ArticleService } from "../articles/article-service.js";
import type { KeyValueStorage } from "../db/key-value-storage.js";
import type { Logger } from "../logger.js";
import type { ReaderSearch } from "./features/search-port.js";
import type { RateLimitSettings } from "./rate-limit.js";

/**
 * Everything the bot's features need, handed in by the composition root (src/main.ts)
 * or by a test. Handlers never open the database or read the environment themselves.
 */
export interface BotDeps {
  readonly logger: Logger;
  readonly articles: ArticleService;
  /** Where unfinished /new dialogs are kept, so they survive a restart. */
  readonly conversationStorage: KeyValueStorage<VersionedState<ConversationData>>;
  /** Full-text search for /search and inline mode; /search is installed only when given. */
  readonly search?: ReaderSearch;
  /** The clock (Unix ms) of the day's digest and the rate limits; Date.now when absent. */
  readonly now?: () => number;
  /** Per-reader limits on expensive requests; DEFAULT_RATE_LIMIT when absent. */
  readonly rateLimit?: RateLimitSettings;
}
