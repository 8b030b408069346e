import { generateOpml, parseOpml } from "feedsmith";
import type { Feed } from "./feed.js";

/** Larger files are refused unread: a list of a few hundred feeds is well under 100 KB. */
export const MAX_OPML_BYTES = 1024 * 1024;
/** More feeds than this in one file are refused: each one is fetched when added. */
export const MAX_OPML_FEEDS = 200;

/** Why an OPML file was refused as a whole. */
export type OpmlProblem =
  | "too-large"
  | "not-xml"
  | "not-opml"
  | "entities"
  | "too-many"
  | "no-feeds"
  | "download-failed";

/** An OPML file that cannot be imported; `problem` says why (the bot and CLI word it). */
export class OpmlError extends Error {
  constructor(readonly problem: OpmlProblem) {
    super(`OPML refused: ${problem}`);
    this.name = "OpmlError";
  }
}

/** One feed an OPML file lists. */
export interface OpmlEntry {
  readonly url: string;
  readonly title: string | undefined;
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: Outline[];
}

/**
 * The feeds an OPML file lists (every outline with an `xmlUrl`, folders walked), each address
 * once. Parsed with a real XML parser (feedsmith over fast-xml-parser); entity declarations are
 * refused before parsing, so no "billion laughs" or external entity can be expanded.
 * @throws OpmlError with the reason.
 */
export function readOpml(bytes: Uint8Array): OpmlEntry[] {
  if (bytes.byteLength > MAX_OPML_BYTES) throw new OpmlError("too-large");
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new OpmlError("entities");
  let document: ReturnType<typeof parseOpml>;
  try {
    document = parseOpml(text);
  } catch (error) {
    throw new OpmlError(
      error instanceof Error && error.name === "ParseError" ? "not-opml" : "not-xml",
    );
  }
  const found = new Map<string, OpmlEntry>();
  const walk = (outlines: readonly Outline[] | undefined) => {
    for (const outline of outlines ?? []) {
      const url = outline.xmlUrl?.trim();
      if (url && !found.has(url)) {
        const title = (outline.title ?? outline.text)?.trim() || undefined;
        found.set(url, { url, title });
        if (found.size > MAX_OPML_FEEDS) throw new OpmlError("too-many");
      }
      walk(outline.outlines);
    }
  };
  walk(document.body?.outlines as Outline[] | undefined);
  if (found.size === 0) throw new OpmlError("no-feeds");
  return [...found.values()];
}

/** The feeds as an OPML 2.0 document, the format feed readers import. */
export function writeOpml(feeds: readonly Feed[], now: number): string {
  return generateOpml({
    head: { title: "Newsroom bot feeds", dateCreated: new Date(now) },
    body: {
      outlines: feeds.map((feed) => ({
        text: feed.title?.trim() || new URL(feed.url).hostname,
        title: feed.title?.trim() || new URL(feed.url).hostname,
        type: "rss",
        xmlUrl: feed.url,
      })),
    },
  });
}
