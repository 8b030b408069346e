import type { Visibility } from "../../../articles/article.js";
import type { Piece } from "../../../publishing/telegram-html.js";
import { formatHouseTime } from "../../../time/zoned-time.js";
import type { Messages } from "../../i18n/index.js";
import { articleLink, fitItems, markedTitle, oneLine, type ReaderFormat } from "./reader-text.js";

/** A piece of a snippet; `match` marks the words the reader searched for. */
export interface SnippetSegment {
  readonly text: string;
  readonly match: boolean;
}

/** What a search hit must carry to be shown. */
export interface SearchHitView {
  readonly id: number;
  readonly title: string;
  readonly url: string | null;
  readonly publishedAt: number;
  readonly snippet: readonly SnippetSegment[];
  /** Private hits reach only editors, who see them marked. */
  readonly visibility?: Visibility;
}

const SNIPPET_MAX = 320;
/** Beyond this many bold words a snippet stays plain: heavy markup makes Telegram balk. */
const MAX_BOLD_PER_SNIPPET = 12;

/** The snippet as pieces: matched words bold, control characters and runs of space flattened. */
export function snippetPieces(segments: readonly SnippetSegment[], max = SNIPPET_MAX): Piece[] {
  const pieces: Piece[] = [];
  let used = 0;
  let bold = 0;
  for (const segment of segments) {
    const flat = segment.text.replace(/\p{Cc}/gu, " ").replace(/\s+/gu, " ");
    if (flat === "") continue;
    const room = max - used;
    if (room <= 1) break;
    const text = flat.length <= room ? flat : `${oneLine(flat, room)}`;
    const strong = segment.match && text.trim() !== "" && bold < MAX_BOLD_PER_SNIPPET;
    if (strong) bold++;
    pieces.push(strong ? { text, style: "b" } : { text });
    used += text.length;
    if (text !== flat) break;
  }
  return trimEnds(pieces);
}

function trimEnds(pieces: Piece[]): Piece[] {
  const first = pieces[0];
  if (first) pieces[0] = { ...first, text: first.text.trimStart() };
  const last = pieces.at(-1);
  if (last) pieces[pieces.length - 1] = { ...last, text: last.text.trimEnd() };
  return pieces.filter((p) => p.text !== "");
}

/** One hit: its number, the linked bold headline, the date, the snippet. */
export function searchHitItem(hit: SearchHitView, position: number, format: ReaderFormat): Piece[] {
  const title = markedTitle(oneLine(hit.title, 300) || "…", hit.visibility, format);
  const href = articleLink({ id: hit.id, url: hit.url }, format);
  const pieces: Piece[] = [
    { text: `${position}. ` },
    href ? { text: title, style: "b", href } : { text: title, style: "b" },
    { text: "\n" },
    { text: formatHouseTime(hit.publishedAt, format.timezone), style: "i" },
  ];
  const snippet = snippetPieces(hit.snippet);
  if (snippet.length > 0) pieces.push({ text: "\n" }, ...snippet);
  return pieces;
}

export interface SearchPageView {
  /** The query as the reader should see it (already shortened for display). */
  readonly query: string;
  readonly hits: readonly SearchHitView[];
  /** 1-based. */
  readonly page: number;
  /** Another page follows this one. */
  readonly hasMore: boolean;
  readonly pageSize: number;
}

/** A page of results: the title with the query, the page number, then as many hits as fit. */
export function searchPageMessage(
  view: SearchPageView,
  format: ReaderFormat,
  m: Messages,
): Piece[] {
  const head: Piece[] = [{ text: m.searchTitle(view.query), style: "b" }];
  if (view.page > 1 || view.hasMore) head.push({ text: ` · ${m.pageNumber(view.page)}` });
  head.push({ text: "\n\n" });
  const first = (view.page - 1) * view.pageSize + 1;
  const items = view.hits.map((hit, i) => searchHitItem(hit, first + i, format));
  return fitItems(head, items, []).pieces;
}

/** "Nothing found", with a nudge towards a broader query. */
export function nothingFoundMessage(query: string, m: Messages): Piece[] {
  return [{ text: m.nothingFound(query), style: "b" }, { text: `\n${m.broaderHint}` }];
}
