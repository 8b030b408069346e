import { setImmediate as yieldToOthers } from "node:timers/promises";
import type { ArticleScope, Visibility } from "../articles/article.js";
import { retryWhileBusy } from "../db/busy.js";
import type { Db } from "../db/connection.js";
import {
  createSearchRepository,
  type SearchArticleRow,
  type SearchRepository,
} from "../db/search-repository.js";
import { candidatesFor, narrow } from "./candidates.js";
import { markArticles } from "./highlight.js";
import { completionsOf } from "./prefix.js";
import { anyOf, matchAll, parseQuery, termMatch } from "./query.js";
import { inverseDocumentFrequency, rankCandidates } from "./ranking.js";
import { snippetOf, type TextSegment } from "./segments.js";
import { createTermFrequency, DF_SAMPLE } from "./term-frequency.js";
import { INDEX_LANGUAGES, type IndexLanguage, queryForms } from "./word-forms.js";

/**
 * Candidate windows, smallest first: a page is ranked among the newest `window` matches,
 * the smallest window that holds the page. Pages inside one window are consistent; the last
 * window bounds how deep a reader can page.
 */
export const CANDIDATE_WINDOWS = [200, 1000, 5000] as const;
export const MAX_PAGE_SIZE = 50;
/** FTS5 pages merged per step of optimizeIndex: a few tens of milliseconds of writing. */
const MERGE_PAGES_PER_STEP = 200;

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
 * Words are looked up as their Snowball stems in every language the archive holds, so
 * "улица" finds "улице" and "running" finds "runs". Ranking stops early instead of scoring
 * every match: it takes the newest matches (a window of 200, widened to 1,000 and 5,000
 * only for deep pages), then orders that window by a BM25-style relevance (rare words count
 * more, a word in the headline ten times more) times a recency prior. The half-typed last
 * word is completed from the index's vocabulary only when whole words found too few.
 */
export function createSearchService(db: Db, { now = Date.now }: SearchServiceDeps = {}) {
  const repo: SearchRepository = createSearchRepository(db);
  const { documentFrequency } = createTermFrequency(repo, now);

  function archiveLanguages(): Set<IndexLanguage> {
    return new Set(
      repo.languages().filter((l): l is IndexLanguage => INDEX_LANGUAGES.includes(l as never)),
    );
  }

  function toHits(forms: ReadonlySet<string>, ids: readonly number[]): SearchHit[] {
    const rows = ids
      .map((id) => repo.article(id))
      .filter((row): row is SearchArticleRow => row !== undefined);
    const marked = markArticles(rows, forms);
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
     * fast as over an index built at once. It goes in small steps, each its own short write,
     * yielding between them so that a bot working on the same file gets the write lock in
     * between (and a busy step is tried again).
     */
    async optimizeIndex(): Promise<void> {
      while (await retryWhileBusy(() => repo.mergeStep(MERGE_PAGES_PER_STEP))) {
        await yieldToOthers();
      }
    },

    /**
     * Searches the archive for `query` (any string: it is reduced to plain words, so it never
     * raises an SQL or FTS error) and returns the page at `offset`. The last word also matches
     * as the start of a word when the whole words find fewer results than the page needs.
     */
    search(query: string, options: SearchOptions = {}): SearchPage {
      const limit = clampInt(options.limit, 1, MAX_PAGE_SIZE, 5);
      const offset = clampInt(options.offset, 0, Number.MAX_SAFE_INTEGER, 0);
      const parsed = parseQuery(query);
      const empty: SearchPage = { hits: [], hasMore: false, offset, limit, terms: parsed.terms };
      const need = offset + limit;
      const window = CANDIDATE_WINDOWS.find((w) => w >= need);
      if (parsed.terms.length === 0 || window === undefined) return empty;

      const languages = archiveLanguages();
      const asked = {
        parsed,
        matches: parsed.terms.map((t) => termMatch(t, languages)),
      };
      const total = repo.maxId();
      const several = parsed.terms.length > 1;
      const narrowed = several
        ? narrow(
            asked,
            asked.matches.map((m) => documentFrequency(m, total)),
            total,
          )
        : { query: asked, dfs: [] as number[] };
      const q = narrowed.query;
      let matches = q.matches;
      let completions: string[] = [];
      const scope = options.scope ?? "public";
      let ids = repo.newestMatches(matchAll(matches), window, scope);
      const lastIsRare = !several || (narrowed.dfs.at(-1) ?? 0) < DF_SAMPLE;
      if (ids.length < need && q.parsed.lastIsPartial && lastIsRare) {
        completions = completionsOf(repo, q.parsed.terms.at(-1)!);
        const prefixMatch = anyOf(completions);
        if (prefixMatch !== null) {
          matches = [...matches.slice(0, -1), prefixMatch];
          ids = repo.newestMatches(matchAll(matches), window, scope);
        }
      }
      const prefixLast = completions.length > 0;
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
      const candidates = candidatesFor(repo, { matches, dfs, prefixLast, ids, total });
      const ranked = rankCandidates(candidates, idf, now());
      const wholeTerms = prefixLast ? q.parsed.terms.slice(0, -1) : q.parsed.terms;
      const forms = new Set([
        ...wholeTerms.flatMap((t) => queryForms(t, languages)),
        ...completions,
      ]);
      const hits = toHits(
        forms,
        ranked.slice(offset, need).map((c) => c.id),
      );
      const widerWindow = ids.length === window && window !== CANDIDATE_WINDOWS.at(-1);
      return {
        hits,
        hasMore: ranked.length > need || widerWindow,
        offset,
        limit,
        terms: q.parsed.terms,
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
