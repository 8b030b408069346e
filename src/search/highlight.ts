import type { SearchArticleRow, SearchRepository } from "../db/search-repository.js";
import { markWordsStarting, plainWord } from "./prefix-marks.js";
import { matchAll, type ParsedQuery } from "./query.js";
import { MARK_CLOSE, MARK_OPEN, segmentsFromMarked, type TextSegment } from "./segments.js";

/** An article's headline and text cut into segments, the searched words marked. */
export interface MarkedArticle {
  readonly titleSegments: TextSegment[];
  readonly bodySegments: TextSegment[];
}

/**
 * Marks the query's words (as the index matched them: stems, case, ё/е) in each article's
 * headline and text, by article id, with one index walk for the whole page. A half-typed
 * last word is marked without the index (prefix-marks.ts): expanding it costs too much.
 */
export function markArticles(
  repo: SearchRepository,
  query: ParsedQuery,
  prefixLast: boolean,
  rows: readonly SearchArticleRow[],
): Map<number, MarkedArticle> {
  const whole = prefixLast ? query.terms.slice(0, -1) : query.terms;
  const prefix = prefixLast ? plainWord(query.terms.at(-1) ?? "") : "";
  const marked =
    whole.length === 0
      ? new Map()
      : repo.highlight(
          matchAll({ terms: whole, lastIsPartial: false }, false),
          rows.map((row) => row.id),
          MARK_OPEN,
          MARK_CLOSE,
        );
  // Text holding the marker characters is shown unmarked, as segmentsFromMarked does.
  const withPrefix = (segments: TextSegment[], text: string) =>
    prefix === "" || text.includes(MARK_OPEN) || text.includes(MARK_CLOSE)
      ? segments
      : markWordsStarting(segments, prefix);
  const out = new Map<number, MarkedArticle>();
  for (const row of rows) {
    const m = marked.get(row.id);
    out.set(row.id, {
      titleSegments: withPrefix(segmentsFromMarked(m?.title ?? row.title, row.title), row.title),
      bodySegments: withPrefix(segmentsFromMarked(m?.body ?? row.body, row.body), row.body),
    });
  }
  return out;
}
