import { setImmediate as yieldToOthers } from "node:timers/promises";
import type { ArticleScope, Visibility } from "../articles/article.js";
import { retryWhileBusy } from "../db/busy.js";
import type { Db } from "../db/connection.js";
import {
  createSearchRepository,
  type SearchArticleRow,
  type SearchRepository,
} from "../db/search-repository.js";
import { markArticles } from "./highlight.js";
import { hasWordStarting, plainWord } from "./prefix-marks.js";
import { matchAll, matchInTitle, type ParsedQuery, parseQuery } from "./query.js";
import { type Candidate, inverseDocumentFrequency, rankCandidates } from "./ranking.js";
import { snippetOf, type TextSegment } from "./segments.js";
import { createTermFrequency, DF_SAMPLE } from "./term-frequency.js";

/**
 * Candidate windows, smallest first: a page is ranked among the newest `window` matches,
 * the smallest window that holds the page. Pages inside one window are consistent; the last
 * window bounds how deep a reader can page.
 */
export const CANDIDATE_WINDOWS = [200, 1000, 5000] as const;
export const MAX_PAGE_SIZE = 50;
/** A word in more than this share of articles ("the") narrows nothing: it is left out. */
/** FTS5 pages merged per step of optimizeIndex: a few tens of milliseconds of writing. */
const MERGE_PAGES_PER_STEP = 200;

const UBIQUITOUS_SHARE = 0.5;
/** Headline checks that would walk more index entries than this are skipped (common words). */
const TITLE_SCAN_BUDGET = 20_000;

/** One search result, ready to be escaped and rendered by the bot. */
export interface SearchHit {
  readonly id: number;
  readonly title: string;
  readonly url: string | null;
  readonly source: string | null;
  /** Unix milliseconds. */
  readonly publishedAt: number;
  /** The whole headline, matched words marked. */
  readonly titleSegments: readonly TextSegment[];
  /** About 200 characters of text around the first match, matched words marked. */
  readonly snippet: readonly TextSegment[];
  readonly visibility: Visibility;
}

/** One page of results. */
export interface SearchPage {
  readonly hits: readonly SearchHit[];
  /** Another page exists after this one (offset + limit). */
  readonly hasMore: boolean;
  readonly offset: number;
  readonly limit: number;
  /** The words actually searched for, after cleaning; empty when nothing was searchable. */
  readonly terms: readonly string[];
}

export interface SearchOptions {
  /** Results per page: 5 for the bot's /search, 20 for inline mode; at most 50. */
  readonly limit?: number;
  readonly offset?: number;
  /** Public articles only (readers, the default), or everything (editors, CLI `--all`). */
  readonly scope?: ArticleScope;
}

export interface SearchServiceDeps {
  readonly now?: () => number;
}

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/**
 * Full-text search over the archive.
 *
 * Ranking stops early instead of scoring every match: it takes the newest matches (a window
 * of 200, widened to 1,000 and 5,000 only for deep pages), then orders that window by a
 * BM25-style relevance (rare words count more, a word in the headline ten times more) times a
 * recency prior. A prefix search on the last word runs only when whole words found too few.
 */
export function createSearchService(db: Db, { now = Date.now }: SearchServiceDeps = {}) {
  const repo: SearchRepository = createSearchRepository(db);
  const { documentFrequency } = createTermFrequency(repo, now);

  /** Leaves out words most of a large archive holds, unless nothing else is left. */
  function narrow(parsed: ParsedQuery, dfs: number[], total: number) {
    const keep = parsed.terms.map(
      (_, i) => dfs[i]! < DF_SAMPLE || dfs[i]! < UBIQUITOUS_SHARE * total,
    );
    if (!keep.includes(true) || !keep.includes(false)) return { query: parsed, dfs };
    const lastKept = keep.at(-1) === true;
    return {
      query: {
        terms: parsed.terms.filter((_, i) => keep[i]),
        lastIsPartial: parsed.lastIsPartial && lastKept,
      },
      dfs: dfs.filter((_, i) => keep[i]),
    };
  }

  /** Candidates whose headline has a word starting with `term`, read from the headlines. */
  function prefixInTitles(term: string, ids: readonly number[]): Set<number> {
    const prefix = plainWord(term);
    const titles = repo.titles(ids);
    return new Set(ids.filter((id) => hasWordStarting(titles.get(id) ?? "", prefix)));
  }

  function candidatesFor(
    query: ParsedQuery,
    dfs: number[],
    prefixLast: boolean,
    ids: number[],
    total: number,
  ): Candidate[] {
    const oldest = ids.at(-1) ?? 0;
    const span = Math.max(1, total - oldest + 1);
    const titleSets = query.terms.map((term, i) => {
      if (prefixLast && i === query.terms.length - 1) return prefixInTitles(term, ids);
      const expectedRows = ((dfs[i] ?? 0) / Math.max(1, total)) * span;
      if (expectedRows > TITLE_SCAN_BUDGET) return new Set<number>();
      return new Set(repo.matchesFrom(matchInTitle(term, false), oldest));
    });
    const published = repo.publishedAtMany(ids);
    return ids.map((id) => ({
      id,
      publishedAt: published.get(id) ?? 0,
      inTitle: titleSets.map((set) => set.has(id)),
    }));
  }

  function toHits(query: ParsedQuery, prefixLast: boolean, ids: readonly number[]): SearchHit[] {
    const rows = ids
      .map((id) => repo.article(id))
      .filter((row): row is SearchArticleRow => row !== undefined);
    const marked = markArticles(repo, query, prefixLast, rows);
    return rows.map((row) => {
      const m = marked.get(row.id);
      return {
        id: row.id,
        title: row.title,
        url: row.url,
        source: row.source,
        publishedAt: row.publishedAt,
        titleSegments: m?.titleSegments ?? [{ text: row.title, match: false }],
        snippet: snippetOf(m?.bodySegments ?? [{ text: row.body, match: false }]),
        visibility: row.visibility,
      };
    });
  }

  return {
    /**
     * Merges the full-text index into one segment, so searches after a bulk import are as
     * fast as over an index built at once (about a minute at 1,000,000 articles). It goes in
     * small steps, each its own short write, yielding between them so that a bot working on the
     * same file gets the write lock in between (and a busy step is tried again).
     */
    async optimizeIndex(): Promise<void> {
      while (await retryWhileBusy(() => repo.mergeStep(MERGE_PAGES_PER_STEP))) {
        await yieldToOthers();
      }
    },

    /**
     * Searches the archive for `query` (any string: it is reduced to plain words, so it never
     * raises an SQL or FTS error) and returns the page at `offset`. The last word also matches
     * as a prefix when the whole words find fewer results than the page needs.
     */
    search(query: string, options: SearchOptions = {}): SearchPage {
      const limit = clampInt(options.limit, 1, MAX_PAGE_SIZE, 5);
      const offset = clampInt(options.offset, 0, Number.MAX_SAFE_INTEGER, 0);
      const parsed = parseQuery(query);
      const empty: SearchPage = { hits: [], hasMore: false, offset, limit, terms: parsed.terms };
      const need = offset + limit;
      const window = CANDIDATE_WINDOWS.find((w) => w >= need);
      if (parsed.terms.length === 0 || window === undefined) return empty;

      const total = repo.maxId();
      const several = parsed.terms.length > 1;
      const narrowed = several
        ? narrow(
            parsed,
            parsed.terms.map((t) => documentFrequency(t, total)),
            total,
          )
        : { query: parsed, dfs: [] as number[] };
      const { query: q } = narrowed;
      let prefixLast = false;
      const scope = options.scope ?? "public";
      let ids = repo.newestMatches(matchAll(q, false), window, scope);
      const lastIsRare = !several || (narrowed.dfs.at(-1) ?? 0) < DF_SAMPLE;
      if (ids.length < need && q.lastIsPartial && lastIsRare) {
        prefixLast = true;
        ids = repo.newestMatches(matchAll(q, true), window, scope);
      }
      if (ids.length === 0) return empty;

      const oldest = ids.at(-1) ?? 0;
      // One word: its density in the window stands in for its frequency.
      const dfs = several
        ? narrowed.dfs
        : [ids.length < window ? ids.length : (window * total) / Math.max(1, total - oldest + 1)];
      const idf = several
        ? dfs.map((df, i) =>
            prefixLast && i === dfs.length - 1
              ? Math.log(total + 1) / 2
              : inverseDocumentFrequency(df, total),
          )
        : [1];
      const ranked = rankCandidates(candidatesFor(q, dfs, prefixLast, ids, total), idf, now());
      const hits = toHits(
        q,
        prefixLast,
        ranked.slice(offset, need).map((c) => c.id),
      );
      const widerWindow = ids.length === window && window !== CANDIDATE_WINDOWS.at(-1);
      return { hits, hasMore: ranked.length > need || widerWindow, offset, limit, terms: q.terms };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
