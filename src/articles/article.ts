/** An article as stored in the archive. Times are Unix milliseconds. */
export interface Article {
  readonly id: number;
  readonly title: string;
  /** Plain text; paragraphs separated by a blank line. */
  readonly body: string;
  readonly url: string | null;
  readonly canonicalUrl: string | null;
  readonly guid: string | null;
  readonly feedId: number | null;
  readonly source: string | null;
  readonly imageUrl: string | null;
  readonly language: string | null;
  readonly publishedAt: number;
  readonly createdAt: number;
  readonly updatedAt: number | null;
  readonly updateCount: number;
  readonly contentHash: string;
  /** Readers see public articles only; see Visibility. */
  readonly visibility: Visibility;
  /** The text was longer than the archive keeps and was cut at a paragraph end. */
  readonly bodyCut: boolean;
}

/**
 * Who may see an article. An article queued for the channel is private until it is posted;
 * one archived without being queued is public at once; a removed, failed or scheduled one
 * stays private until it is posted.
 */
export type Visibility = "public" | "private";

/** What a reader surface may show: public articles only, or everything (editors, `--all`). */
export type ArticleScope = "public" | "all";

/** What a parser or a feed hands over to be stored. */
export interface ArticleInput {
  readonly title: string;
  readonly body: string;
  readonly url?: string | null;
  readonly guid?: string | null;
  readonly feedId?: number | null;
  readonly source?: string | null;
  readonly imageUrl?: string | null;
  readonly language?: string | null;
  readonly publishedAt?: number | null;
  /** Visibility when the article is created (default public); an update never changes it. */
  readonly visibility?: Visibility;
}

/** The outcome of storing one article. */
export type StoreResult =
  | { readonly status: "created"; readonly article: Article }
  | {
      readonly status: "duplicate";
      readonly article: Article;
      /** The same story from another source: recorded as "also in" that feed, never rewritten. */
      readonly alsoIn?: boolean;
    }
  | { readonly status: "updated"; readonly article: Article; readonly previous: Article };

/** Splits a body into its paragraphs. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** What is written when an article is created or replaced (the archive sets the rest). */
export type ArticleFields = Omit<
  Article,
  "id" | "createdAt" | "updatedAt" | "updateCount" | "visibility"
>;
