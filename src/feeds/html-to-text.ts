import { Parser } from "htmlparser2";
import { FeedParseError } from "./feed-errors.js";

/**
 * Deepest element nesting read. htmlparser2 keeps its open elements in an array it shifts and
 * unshifts, so each level costs as much as the depth so far: 100,000 nested <div>s took 18 s.
 * Real articles nest a few dozen levels; deeper is refused at once.
 */
export const MAX_HTML_DEPTH = 500;

/** Elements whose content is never reader text. */
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "head",
  "title",
  "select",
  "button",
  "form",
]);

/** Elements that end one paragraph and start another. */
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "aside",
  "header",
  "footer",
  "main",
  "nav",
  "blockquote",
  "figure",
  "figcaption",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "table",
  "tr",
  "pre",
  "hr",
  "address",
  "details",
  "summary",
]);

/** What an HTML fragment says to a reader. */
export interface HtmlText {
  /** Plain text; paragraphs separated by a blank line, line breaks kept inside them. */
  readonly text: string;
  /** The src of the first <img>, as written (may be relative). */
  readonly firstImage: string | undefined;
}

/** 1×1 tracking images (FeedBurner, Medium) are not the article's picture. */
function isPixel(attributes: Record<string, string>): boolean {
  return ["width", "height"].some((dim) => {
    const value = attributes[dim];
    return value !== undefined && Number.parseInt(value, 10) <= 1;
  });
}

function tidy(paragraph: string): string {
  return paragraph
    .split("\n")
    .map((line) =>
      line
        .replace(/[^\S\n\u00a0]+/g, " ")
        .replace(/\u00a0/g, " ")
        .trim(),
    )
    .filter((line) => line !== "")
    .join("\n");
}

/**
 * Reads an HTML fragment with a real HTML parser and returns its text: scripts, styles and
 * other non-text elements dropped, entities decoded, block elements turned into paragraphs,
 * <br> into line breaks, runs of white space collapsed.
 */
export function htmlToText(html: string): HtmlText {
  const paragraphs: string[] = [];
  let current = "";
  let skipDepth = 0;
  let depth = 0;
  let firstImage: string | undefined;

  const endParagraph = () => {
    const text = tidy(current);
    if (text !== "") paragraphs.push(text);
    current = "";
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        // Void elements are closed again at once (onclosetag), so this counts open elements.
        if (++depth > MAX_HTML_DEPTH) {
          throw new FeedParseError(
            `an item's HTML is nested more than ${MAX_HTML_DEPTH} elements deep; the feed is not read`,
          );
        }
        if (skipDepth > 0 || SKIPPED.has(name)) {
          skipDepth += SKIPPED.has(name) ? 1 : 0;
          return;
        }
        if (
          name === "img" &&
          firstImage === undefined &&
          attributes.src?.trim() &&
          !isPixel(attributes)
        ) {
          firstImage = attributes.src.trim();
        }
        if (name === "br") current += "\n";
        else if (BLOCKS.has(name)) endParagraph();
        else if (name === "td" || name === "th") current += " ";
      },
      ontext(text) {
        // Source line breaks are formatting, not content: only <br> and blocks break lines.
        if (skipDepth === 0) current += text.replace(/[\r\n\t]+/g, " ");
      },
      onclosetag(name) {
        depth--;
        if (SKIPPED.has(name)) {
          if (skipDepth > 0) skipDepth--;
          return;
        }
        if (skipDepth === 0 && BLOCKS.has(name)) endParagraph();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  endParagraph();
  return { text: paragraphs.join("\n\n"), firstImage };
}

/** A one-line text from an HTML fragment (a headline, a feed title). */
export function htmlToLine(html: string): string {
  return htmlToText(html).text.replace(/\s+/g, " ").trim();
}
