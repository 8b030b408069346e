import type { Article, ArticleInput } from "../articles/article.js";
import {
  type ArticleService,
  InvalidArticleError,
  toArticleFields,
} from "../articles/article-service.js";
import { PastedTextError, parsePastedText } from "../articles/parse-pasted-text.js";
import {
  type FormatOptions,
  formatPost,
  type LinkPreviewOptions,
} from "../publishing/format-post.js";
import type { PostKind, QueueState } from "../publishing/queue-item.js";
import type { QueueService } from "../publishing/queue-service.js";

/** A post exactly as the channel will get it: plain data, safe to keep in dialog state. */
export interface PostPreview {
  readonly kind: PostKind;
  readonly html: string;
  readonly photoUrl?: string;
  readonly linkPreview?: LinkPreviewOptions;
}

/** Where a queue item stands, as shown to the editor. */
export interface ItemSummary {
  readonly id: number;
  readonly state: QueueState;
  /** 1-based place among live items; null when it is not live (posted, failed, removed). */
  readonly position: number | null;
  /** Planned time (Unix ms); null when paused, not live or the schedule never fires. */
  readonly plannedAt: number | null;
}

export type IntakeResult =
  | { readonly status: "refused"; readonly reason: string }
  | {
      readonly status: "accepted";
      readonly stored: "created" | "duplicate" | "updated";
      readonly articleId: number;
      readonly enqueued: "queued" | "already-queued" | "already-posted";
      readonly item: ItemSummary;
      readonly preview: PostPreview;
    };

export interface IntakeDeps {
  readonly articles: ArticleService;
  readonly queue: QueueService;
  readonly timezone: string;
  readonly footer: string;
  readonly channelUrl: string | undefined;
}

/** Where a pasted text came from, when known (a forwarded channel post). */
export interface PasteOrigin {
  readonly source?: string | null;
  readonly url?: string | null;
}

/**
 * The editors' way in for articles: text or fields → the archive (with its dedup) → the queue,
 * answered with the exact preview of the post. Knows nothing of grammY; every result is plain
 * JSON so the /new dialog can keep it across replays.
 */
export function createArticleIntake(deps: IntakeDeps) {
  const formatOptions = (botUsername: string | undefined): FormatOptions => ({
    channelUrl: deps.channelUrl,
    footer: deps.footer,
    timezone: deps.timezone,
    botUsername,
  });

  function preview(article: Article, botUsername: string | undefined): PostPreview {
    const post = formatPost(article, formatOptions(botUsername));
    return {
      kind: post.kind,
      html: post.html,
      ...(post.photoUrl ? { photoUrl: post.photoUrl } : {}),
      ...(post.linkPreview ? { linkPreview: post.linkPreview } : {}),
    };
  }

  function summary(itemId: number): ItemSummary {
    const live = deps.queue.list();
    const index = live.findIndex((item) => item.id === itemId);
    if (index >= 0) {
      const item = live[index]!;
      return { id: item.id, state: item.state, position: index + 1, plannedAt: item.plannedAt };
    }
    const item = deps.queue.get(itemId);
    return { id: itemId, state: item?.state ?? "removed", position: null, plannedAt: null };
  }

  function accept(
    input: ArticleInput,
    botUsername: string | undefined,
    options: { notBefore?: number | null; top?: boolean },
  ): IntakeResult {
    let stored: ReturnType<ArticleService["store"]>;
    try {
      // Queued at once: private until the channel has it.
      stored = deps.articles.store({ ...input, visibility: "private" });
    } catch (error) {
      if (error instanceof InvalidArticleError) return { status: "refused", reason: error.message };
      throw error;
    }
    const enqueued = deps.queue.enqueue(stored.article.id, options);
    return {
      status: "accepted",
      stored: stored.status,
      articleId: stored.article.id,
      enqueued: enqueued.status,
      item: summary(enqueued.item.id),
      preview: preview(stored.article, botUsername),
    };
  }

  return {
    /** Parses pasted text like the seed article, stores it and queues it at the end. */
    fromText(
      text: string,
      botUsername: string | undefined,
      origin: PasteOrigin = {},
    ): IntakeResult {
      let input: ArticleInput;
      try {
        input = parsePastedText(text, { timezone: deps.timezone, footerLines: [deps.footer] });
      } catch (error) {
        if (error instanceof PastedTextError) return { status: "refused", reason: error.message };
        throw error;
      }
      return accept(
        { ...input, source: input.source ?? origin.source ?? null, url: origin.url ?? null },
        botUsername,
        {},
      );
    },

    /** Stores an article written in the /new dialog and queues it (at the top, or for a time). */
    fromFields: (
      input: ArticleInput,
      botUsername: string | undefined,
      options: { notBefore?: number | null; top?: boolean },
    ): IntakeResult => accept(input, botUsername, options),

    /** The preview of an article that is not stored yet (the /new dialog's draft). */
    draftPreview(
      input: ArticleInput & { publishedAt: number },
      botUsername: string | undefined,
    ): PostPreview {
      // The same normalising the archive applies, so the preview is exactly the later post.
      const fields = toArticleFields(input, input.publishedAt);
      const draft: Article = {
        ...fields,
        id: 0,
        createdAt: input.publishedAt,
        updatedAt: null,
        updateCount: 0,
        visibility: "private",
      };
      return preview(draft, botUsername);
    },

    /** Where an item stands now. */
    summary,
  };
}

export type ArticleIntake = ReturnType<typeof createArticleIntake>;
