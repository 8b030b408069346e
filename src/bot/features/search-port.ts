import type { SearchHitView } from "../formatters/search-results.js";

/** One page of ranked hits, and whether another page follows. */
export interface ReaderSearchPage {
  readonly hits: readonly SearchHitView[];
  readonly hasMore: boolean;
}

/**
 * What the readers' features need from the search service (src/search/search-service.ts
 * satisfies it): ranked full-text search that accepts any string, hostile ones included,
 * without throwing.
 */
export interface ReaderSearch {
  search(query: string, options: { limit: number; offset: number }): ReaderSearchPage;
}
