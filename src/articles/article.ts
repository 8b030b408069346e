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
}

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
}

/** The outcome of storing one article. */
export type StoreResult =
  | { readonly status: "created"; readonly article: Article }
  | { readonly status: "duplicate"; readonly article: Article }
  | { readonly status: "updated"; readonly article: Article; readonly previous: Article };

/** Splits a body into its paragraphs. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}
