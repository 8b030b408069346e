import type { SearchArticleRow, SearchRepository } from "../db/search-repository.js";
import { matchAll, type ParsedQuery } from "./query.js";
import { MARK_CLOSE, MARK_OPEN, segmentsFromMarked, type TextSegment } from "./segments.js";

/** An article's headline and text cut into segments, the searched words marked. */
export interface MarkedArticle {
  readonly titleSegments: TextSegment[];
  readonly bodySegments: TextSegment[];
}

/**
 * Marks the query's words (as the index matched them: stems, case, ё/е) in each article's
 * headline and text, by article id, with one index walk for the whole page.
 */
export function markArticles(
  repo: SearchRepository,
  query: ParsedQuery,
  prefixLast: boolean,
  rows: readonly SearchArticleRow[],
): Map<number, MarkedArticle> {
  const marked = repo.highlight(
    matchAll(query, prefixLast),
    rows.map((row) => row.id),
    MARK_OPEN,
    MARK_CLOSE,
  );
  const out = new Map<number, MarkedArticle>();
  for (const row of rows) {
    const m = marked.get(row.id);
    out.set(row.id, {
      titleSegments: segmentsFromMarked(m?.title ?? row.title, row.title),
      bodySegments: segmentsFromMarked(m?.body ?? row.body, row.body),
    });
  }
  return out;
}
