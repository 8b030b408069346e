/**
 * A post as a list of pieces of plain text, each optionally bold, italic or a link. Rendering
 * from pieces (rather than concatenating HTML) keeps the escaping in one place and lets the
 * visible length be counted exactly as Telegram counts it: the text after entity parsing.
 */
export interface Piece {
  readonly text: string;
  readonly style?: "b" | "i";
  readonly href?: string;
  /** In plain text, the address goes on the line below the text (a headline) instead of after ": ". */
  readonly hrefBelow?: boolean;
}

/** Escapes text for Telegram HTML: `&` first, then `<` and `>`. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes an attribute value (an href): as text, plus `"`. */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;");
}

/** Telegram HTML for the pieces. */
export function renderHtml(pieces: readonly Piece[]): string {
  let html = "";
  for (const piece of pieces) {
    let part = escapeHtml(piece.text);
    if (piece.style) part = `<${piece.style}>${part}</${piece.style}>`;
    if (piece.href) part = `<a href="${escapeAttribute(piece.href)}">${part}</a>`;
    html += part;
  }
  return html;
}

/** The same post without markup; a link keeps its address after its label (or below it). */
export function renderPlain(pieces: readonly Piece[]): string {
  return pieces
    .map((piece) => {
      if (!piece.href || piece.href === piece.text) return piece.text;
      return piece.hrefBelow ? `${piece.text}\n${piece.href}` : `${piece.text}: ${piece.href}`;
    })
    .join("");
}

/** Length Telegram checks against its limits: UTF-16 code units of the visible text. */
export function visibleLength(text: string): number {
  return text.length;
}

/** True for an absolute http(s) URL, the only kind used in links and images. */
export function isWebUrl(value: string | null | undefined): value is string {
  if (!value || !URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === "http:" || protocol === "https:";
}
