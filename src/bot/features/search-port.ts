import type { SearchHitView } from "../formatters/search-results.js";

/** One page of ranked hits and how many there are in all. */
export interface ReaderSearchPage {
  readonly hits: readonly SearchHitView[];
  readonly total: number;
}

/**
 * What the readers' features need from the search service: ranked full-text search that
 * accepts any string (hostile ones included) without throwing.
 */
export interface ReaderSearch {
  search(query: string, options: { limit: number; offset: number }): ReaderSearchPage;
}
