/** Full-text search over the archive: the public surface for the bot, the CLI and inline mode. */
export { MAX_QUERY_CHARS, MAX_TERMS, type ParsedQuery, parseQuery } from "./query.js";
export {
  CANDIDATE_WINDOWS,
  createSearchService,
  MAX_PAGE_SIZE,
  type SearchHit,
  type SearchOptions,
  type SearchPage,
  type SearchService,
  type SearchServiceDeps,
} from "./search-service.js";
export { segmentsToText, snippetOf, type TextSegment } from "./segments.js";
