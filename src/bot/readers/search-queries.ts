import { createHash } from "node:crypto";
import { cutParagraph } from "../../publishing/cut-text.js";

/** Longer queries are cut: nobody types more, and the search need not read a novel. */
export const MAX_QUERY_CHARS = 200;

/**
 * The query the reader meant: control characters dropped, whitespace collapsed, cut to
 * MAX_QUERY_CHARS at a word end. Empty when nothing searchable is left.
 */
export function cleanQuery(raw: string): string {
  const flat = raw
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  return flat.length <= MAX_QUERY_CHARS ? flat : cutParagraph(flat, MAX_QUERY_CHARS);
}

/**
 * Queries too long to travel inside a button, kept in memory under a short reference for
 * the paging buttons. Bounded: the oldest are forgotten first, and a restart forgets all
 * (a button then says the search has expired).
 */
export function createQueryStore(capacity = 2_000) {
  const queries = new Map<string, string>();
  return {
    /** Keeps `query` and returns its reference (the same query gets the same reference). */
    keep(query: string): string {
      const ref = createHash("sha256").update(query).digest("base64url").slice(0, 12);
      queries.delete(ref);
      queries.set(ref, query);
      if (queries.size > capacity) queries.delete(queries.keys().next().value!);
      return ref;
    },
    find(ref: string): string | undefined {
      return queries.get(ref);
    },
  };
}

export type QueryStore = ReturnType<typeof createQueryStore>;
