/**
 * Callback data of the readers' buttons, and its validation when pressed. Telegram allows
 * 1–64 bytes; everything here stays well inside, and anything not built here parses to
 * undefined (a forged or outdated button gets a short answer, not an exception).
 *
 *   s:<page>:=<query>   a search page, the query itself (when it fits)
 *   s:<page>:#<ref>     a search page, a query kept by the bot under a short reference
 *   l:<offset>:<count>  a /latest page
 */

export const CALLBACK_DATA_MAX_BYTES = 64;
export const MAX_SEARCH_PAGE = 200;
export const MAX_LATEST_OFFSET = 10_000;
export const MAX_LATEST_COUNT = 20;

/** Where a search page button finds its query. */
export type QueryToken = { readonly query: string } | { readonly ref: string };

export interface SearchPageData {
  readonly page: number;
  readonly token: QueryToken;
}

export interface LatestPageData {
  readonly offset: number;
  readonly count: number;
}

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** A query travels inside the button when the whole data stays within 64 bytes. */
export function fitsInline(page: number, query: string): boolean {
  return bytes(`s:${page}:=${query}`) <= CALLBACK_DATA_MAX_BYTES;
}

/** Data of a search page button; throws if it would not fit 64 bytes (fitsInline decides). */
export function searchPageData(page: number, token: QueryToken): string {
  const tail = "query" in token ? `=${token.query}` : `#${token.ref}`;
  const data = `s:${page}:${tail}`;
  if (bytes(data) > CALLBACK_DATA_MAX_BYTES) throw new RangeError("callback data over 64 bytes");
  return data;
}

const SEARCH_DATA = /^s:(\d{1,3}):(?:=(.+)|#([A-Za-z0-9_-]{1,20}))$/su;

/** Reads a search page button; undefined for anything malformed, forged or out of range. */
export function parseSearchPageData(data: string): SearchPageData | undefined {
  const m = SEARCH_DATA.exec(data);
  if (!m) return undefined;
  const page = Number(m[1]);
  if (page < 1 || page > MAX_SEARCH_PAGE) return undefined;
  if (m[2] !== undefined) return m[2].trim() === "" ? undefined : { page, token: { query: m[2] } };
  return { page, token: { ref: m[3]! } };
}

/** Data of a /latest page button. */
export function latestPageData(offset: number, count: number): string {
  return `l:${offset}:${count}`;
}

const LATEST_DATA = /^l:(\d{1,5}):(\d{1,2})$/;

/** Reads a /latest page button; undefined for anything malformed, forged or out of range. */
export function parseLatestPageData(data: string): LatestPageData | undefined {
  const m = LATEST_DATA.exec(data);
  if (!m) return undefined;
  const offset = Number(m[1]);
  const count = Number(m[2]);
  if (offset > MAX_LATEST_OFFSET || count < 1 || count > MAX_LATEST_COUNT) return undefined;
  return { offset, count };
}
