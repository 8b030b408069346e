import { Parser } from "htmlparser2";
import { FeedParseError } from "./feed-errors.js";
import { type Embed, embedLine, embedOf, imageOf, videoLinkOf } from "./html-embeds.js";
import type { ImageCandidate } from "./picture-choice.js";

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
  "video",
  "audio",
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
  /** The <img> elements, in order, as written (may be relative): the picture is chosen later. */
  readonly images: readonly ImageCandidate[];
  /** Videos and audio the text embeds or links to; each also has its own line in `text`. */
  readonly embeds: readonly Embed[];
}

export interface HtmlToTextOptions {
  /** Resolves relative embed addresses. */
  readonly base?: string | undefined;
  /** Language of the label of embed lines ("Video: …"). */
  readonly language?: string | undefined;
  /** False for one-line texts (headlines): embeds are noted but get no line. */
  readonly embedLines?: boolean;
}

/** Enough <img> candidates to get past the icons and buttons at the top of a text. */
const MAX_IMAGES = 30;
/** Embed lines per text: a hostile page of thousands of players must stay cheap to read. */
const MAX_EMBEDS = 20;

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
 * <br> into line breaks, runs of white space collapsed. A video or audio embed (iframe, video,
 * audio) becomes a line "Video: <link>" where it stands; links to YouTube or Vimeo videos get
 * such a line at the end, so a video-only item still says what it is.
 */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): HtmlText {
  const paragraphs: string[] = [];
  let current = "";
  let skipDepth = 0;
  let depth = 0;
  const images: ImageCandidate[] = [];
  const embeds: Embed[] = [];
  const linkedVideos: Embed[] = [];
  let insideMedia: "video" | "audio" | undefined;

  const endParagraph = () => {
    const text = tidy(current);
    if (text !== "") paragraphs.push(text);
    current = "";
  };

  const addEmbed = (embed: Embed | undefined) => {
    if (!embed || embeds.length >= MAX_EMBEDS || embeds.some((e) => e.url === embed.url)) return;
    embeds.push(embed);
    if (options.embedLines === false) return;
    endParagraph();
    paragraphs.push(embedLine(embed, options.language));
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        // Void elements are closed again at once (onclosetag), so this counts open elements.
        if (++depth > MAX_HTML_DEPTH) {
          throw new FeedParseError(
            `an item's HTML is nested more than ${MAX_HTML_DEPTH} elements deep; the feed is not read`,
            { problem: { code: "too-deep", depth: MAX_HTML_DEPTH } },
          );
        }
        if (name === "source" && insideMedia && skipDepth === 1) {
          addEmbed(embedOf(name, attributes, options.base, insideMedia));
          insideMedia = undefined;
        }
        if (skipDepth > 0 || SKIPPED.has(name)) {
          if (skipDepth === 0) {
            addEmbed(embedOf(name, attributes, options.base));
            const hasSrc = attributes.src?.trim();
            if ((name === "video" || name === "audio") && !hasSrc) insideMedia = name;
          }
          skipDepth += SKIPPED.has(name) ? 1 : 0;
          return;
        }
        if (name === "img" && images.length < MAX_IMAGES) {
          const image = imageOf(attributes);
          if (image) images.push(image);
        }
        if (name === "a") {
          const video = videoLinkOf(attributes.href, options.base);
          if (video && linkedVideos.length < MAX_EMBEDS) linkedVideos.push(video);
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
          if (skipDepth === 0) insideMedia = undefined;
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
  for (const video of linkedVideos) {
    if (!paragraphs.some((p) => p.includes(video.url))) addEmbed(video);
  }
  return { text: paragraphs.join("\n\n"), images, embeds };
}

/** A one-line text from an HTML fragment (a headline, a feed title). */
export function htmlToLine(html: string): string {
  return htmlToText(html, { embedLines: false }).text.replace(/\s+/g, " ").trim();
}
