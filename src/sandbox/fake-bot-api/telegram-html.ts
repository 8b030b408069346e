/**
 * Telegram's HTML `parse_mode`, as the fake Bot API server checks it.
 *
 * This is a specification of what Telegram accepts, not a sanitizer: it walks the string once,
 * keeps the visible text, and records one entity per supported tag with UTF-16 offsets (the unit
 * Telegram counts in). Refusals throw {@link HtmlParseError} with the UTF-8 byte offset Telegram
 * reports. Deliberately stricter than Telegram in one way: a `&` that does not start
 * `&lt; &gt; &amp; &quot;` or a numeric reference (with its `;`) is refused, because Telegram's
 * documentation requires it escaped even though the server sometimes keeps it literally.
 */

import { decodeReference, utf8Length } from "./html-references.js";

export interface TelegramEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

export interface ParsedHtml {
  text: string;
  entities: TelegramEntity[];
}

/** Telegram's "can't parse entities" reason, with the byte offset where it was found. */
export class HtmlParseError extends Error {
  constructor(
    readonly reason: string,
    readonly byteOffset: number,
    readonly detail = "",
  ) {
    super(`${reason} at byte offset ${byteOffset}${detail}`);
    this.name = "HtmlParseError";
  }
}

const TAG_ENTITY: Readonly<Record<string, string>> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  a: "text_link",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  "tg-emoji": "custom_emoji",
};

interface OpenTag {
  name: string;
  start: number;
  bytePos: number;
  attributes: Map<string, string>;
}

const isSpace = (c: string | undefined): boolean =>
  c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";

/**
 * Parses `html` the way Telegram parses `parse_mode: "HTML"`: returns the visible text and its
 * entities (sorted by offset, outer first), or throws {@link HtmlParseError}.
 */
export function parseTelegramHtml(html: string): ParsedHtml {
  const byteAt = (pos: number) => utf8Length(html.slice(0, pos));
  const fail = (reason: string, pos: number, detail = ""): never => {
    throw new HtmlParseError(reason, byteAt(pos), detail);
  };
  const n = html.length;
  let text = "";
  const entities: TelegramEntity[] = [];
  const open: OpenTag[] = [];
  let i = 0;

  const readReference = (): string => {
    const ref = decodeReference(html, i);
    if (ref === undefined) {
      return fail('Character "&" must be escaped as "&amp;" unless it starts an entity', i);
    }
    i = ref.end;
    return ref.value;
  };

  while (i < n) {
    const c = html[i]!;
    if (c === "&") {
      text += readReference();
      continue;
    }
    if (c !== "<") {
      text += c;
      i++;
      continue;
    }
    const begin = i;
    i++;
    if (html[i] === "/") {
      i++;
      const nameStart = i;
      while (i < n && !isSpace(html[i]) && html[i] !== ">") i++;
      const name = html.slice(nameStart, i).toLowerCase();
      while (isSpace(html[i])) i++;
      if (html[i] !== ">") fail("Unclosed end tag", begin);
      i++;
      const top = open.pop();
      if (top === undefined) fail("Unexpected end tag", begin);
      if (name !== top!.name) {
        fail("Unmatched end tag", begin, `, expected "</${top!.name}>", found "</${name}>"`);
      }
      closeTag(top!, open, text.length, entities);
      continue;
    }
    const nameStart = i;
    while (i < n && !isSpace(html[i]) && html[i] !== ">") i++;
    if (i >= n) fail("Unclosed start tag", begin);
    const name = html.slice(nameStart, i).toLowerCase();
    if (TAG_ENTITY[name] === undefined) fail(`Unsupported start tag "${name}"`, begin);
    const attributes = new Map<string, string>();
    for (;;) {
      while (isSpace(html[i])) i++;
      if (i >= n) fail("Unclosed start tag", begin);
      if (html[i] === ">") {
        i++;
        break;
      }
      const attrStart = i;
      while (i < n && !isSpace(html[i]) && html[i] !== "=" && html[i] !== ">") i++;
      const attr = html.slice(attrStart, i).toLowerCase();
      if (attr === "") fail(`Empty attribute name in the tag "${name}"`, begin);
      while (isSpace(html[i])) i++;
      if (i >= n) fail("Unclosed start tag", begin);
      if (html[i] !== "=") {
        attributes.set(attr, "");
        continue;
      }
      i++;
      while (isSpace(html[i])) i++;
      if (i >= n) fail("Unclosed start tag", begin);
      let value = "";
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        i++;
        while (i < n && html[i] !== quote) {
          if (html[i] === "&") value += readReference();
          else value += html[i++];
        }
        if (i >= n) fail("Unclosed start tag", begin);
        i++;
      } else {
        const tokenStart = i;
        while (i < n && /[A-Za-z0-9.-]/.test(html[i]!)) i++;
        if (i < n && !isSpace(html[i]) && html[i] !== ">") fail("Unexpected end of name token", i);
        value = html.slice(tokenStart, i).toLowerCase();
      }
      attributes.set(attr, value);
    }
    if (name === "span" && attributes.get("class") !== "tg-spoiler") {
      fail('Tag "span" must have class "tg-spoiler"', begin);
    }
    if (name === "tg-emoji" && !/^[0-9]{1,20}$/.test(attributes.get("emoji-id") ?? "")) {
      fail('Tag "tg-emoji" must have a numeric "emoji-id" attribute', begin);
    }
    open.push({ name, start: text.length, bytePos: begin, attributes });
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) {
    throw new HtmlParseError(
      `Can't find end tag corresponding to start tag "${unclosed.name}"`,
      byteAt(unclosed.bytePos),
    );
  }
  return { text, entities: dropInsideCode(entities) };
}

/** Turns a closed tag into its entity; `<code class="language-x">` directly in `<pre>` only sets the language. */
function closeTag(tag: OpenTag, open: OpenTag[], end: number, out: TelegramEntity[]): void {
  const cls = tag.attributes.get("class") ?? "";
  const parent = open[open.length - 1];
  if (tag.name === "code" && parent?.name === "pre" && cls.startsWith("language-")) {
    parent.attributes.set("language", cls.slice("language-".length));
    return;
  }
  const length = end - tag.start;
  if (length === 0) return;
  const entity: TelegramEntity = { type: TAG_ENTITY[tag.name]!, offset: tag.start, length };
  if (tag.name === "a") {
    const href = tag.attributes.get("href") ?? "";
    if (href === "") return;
    entity.url = href;
  } else if (tag.name === "pre") {
    const language = tag.attributes.get("language");
    if (language) entity.language = language;
  } else if (tag.name === "blockquote" && tag.attributes.has("expandable")) {
    entity.type = "expandable_blockquote";
  } else if (tag.name === "tg-emoji") {
    entity.custom_emoji_id = tag.attributes.get("emoji-id")!;
  }
  out.push(entity);
}

/** Telegram shows no formatting inside code and pre; it drops such entities silently. */
function dropInsideCode(entities: TelegramEntity[]): TelegramEntity[] {
  const code = entities.filter((e) => e.type === "code" || e.type === "pre");
  return entities
    .filter(
      (e) =>
        !code.some(
          (c) => c !== e && c.offset <= e.offset && e.offset + e.length <= c.offset + c.length,
        ),
    )
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
}
