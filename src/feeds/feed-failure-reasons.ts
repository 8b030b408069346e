import { DetectError, MalformedError, ParseError } from "feedsmith";
import { parseDocument } from "htmlparser2";

const MAX_DETAIL = 120;

/**
 * Text fit to show an editor: control characters (a NUL from mis-decoded bytes, an escape
 * sequence) removed, white space collapsed, and a length limit.
 */
export function readableReason(text: string, max = 300): string {
  const flat = text
    .replace(/\p{Cc}/gu, " ")
    .replace(/[\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The name of the document's first element, lower-cased, read leniently. */
function rootElement(text: string): string | undefined {
  const root = parseDocument(text.slice(0, 100_000), { xmlMode: true }).children.find(
    (n) => n.type === "tag",
  );
  return root && "name" in root ? root.name.toLowerCase() : undefined;
}

const looksLikeHtml = (name: string | undefined, text: string) =>
  (name !== undefined && ["html", "head", "body"].includes(name)) || /^<!doctype html/i.test(text);

/** Says what a document that is not a feed is, for the editor who tried to add it. */
export function describeNonFeed(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return "the response is empty, not a feed";
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    return "this is JSON but not a JSON Feed (no version and items)";
  }
  const name = rootElement(trimmed);
  if (looksLikeHtml(name, trimmed)) return "this is an HTML page, not a feed";
  if (!name) return "this is not a feed (no RSS, Atom, RDF or JSON Feed document found)";
  return readableReason(
    `this is not a feed: the document's root element is <${name.slice(0, 40)}>, not <rss>, <feed> or <rdf:RDF>`,
  );
}

/** The parser recognised a format's markers but not the document's shape. */
function describeShapeError(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    return "this JSON Feed is incomplete: its items or other required fields are not in the shape the format requires";
  }
  const name = rootElement(trimmed);
  if (looksLikeHtml(name, trimmed)) {
    return /<(?:feed|rss|rdf:rdf)[\s>]/i.test(trimmed)
      ? "this is a web page with a feed inside it, not a feed itself: use the feed's own address"
      : "this is an HTML page, not a feed";
  }
  if (name === "rss") return "the RSS document has no <channel>, so it holds no news";
  if (name === "feed" || name === "rdf:rdf") {
    return `the <${name === "feed" ? "feed" : "rdf:RDF"}> document is incomplete and cannot be read`;
  }
  return describeNonFeed(text);
}

/** A syntax error's own words ("Unexpected end of title"), trimmed to something short. */
function syntaxDetail(error: MalformedError): string {
  const cause = error.cause instanceof Error ? error.cause.message : "";
  const detail = readableReason(cause, MAX_DETAIL);
  if (detail === "") return "";
  return `: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`.replace(/\.$/, "");
}

/**
 * The reason an editor is shown when the feed parser refuses `text`, in plain words: what the
 * document is (an HTML page, JSON, another XML document), or what is broken in it.
 */
export function explainParserError(error: unknown, text: string): string {
  if (error instanceof DetectError) return describeNonFeed(text);
  if (error instanceof MalformedError) {
    return readableReason(`the feed is broken XML and cannot be read${syntaxDetail(error)}`);
  }
  if (error instanceof ParseError) return describeShapeError(text);
  if (error instanceof RangeError) {
    return "the feed is too large or too deeply nested to be read";
  }
  return "the feed cannot be read: it is not RSS, Atom, RDF or JSON Feed the parser understands";
}
