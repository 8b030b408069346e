import { badRequest } from "./api-error.js";
import { optionalJson, optionalString, type Payload } from "./payload.js";
import { HtmlParseError, parseTelegramHtml } from "./telegram-html.js";
import type { StoredEntity } from "./types.js";

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

export interface FormattedText {
  html?: string;
  text: string;
  entities: StoredEntity[];
}

const TRIMMED = new Set([" ", "\t", "\n", "\r"]);

/** Telegram strips leading and trailing blanks from what it shows; entities move with the text. */
function trim(content: FormattedText): FormattedText {
  const { text } = content;
  let start = 0;
  let end = text.length;
  while (start < end && TRIMMED.has(text[start]!)) start++;
  while (end > start && TRIMMED.has(text[end - 1]!)) end--;
  const entities = content.entities
    .map((e) => {
      const from = Math.max(e.offset, start);
      const to = Math.min(e.offset + e.length, end);
      return { ...e, offset: from - start, length: to - from };
    })
    .filter((e) => e.length > 0);
  return { ...content, text: text.slice(start, end), entities };
}

/** Entities sent explicitly (no parse_mode) are kept when they lie inside the text. */
function explicitEntities(value: unknown, text: string): StoredEntity[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badRequest("can't parse entities JSON object");
  return value.filter(
    (e): e is StoredEntity =>
      typeof e === "object" &&
      e !== null &&
      typeof e.type === "string" &&
      Number.isInteger(e.offset) &&
      Number.isInteger(e.length) &&
      e.offset >= 0 &&
      e.length > 0 &&
      e.offset + e.length <= text.length,
  );
}

/**
 * Reads a text or caption with its parse_mode or entities, parses HTML like Telegram, trims it,
 * and enforces Telegram's limits (in UTF-16 units, after parsing).
 * `field` is "text" (required, 1–4096) or "caption" (optional, ≤ 1024).
 */
export function readFormattedText(
  p: Payload,
  field: "text" | "caption" | "message_text",
): FormattedText {
  const raw = optionalString(p, field) ?? "";
  const parseMode = optionalString(p, "parse_mode");
  let content: FormattedText;
  if (parseMode === undefined || parseMode === "") {
    const entities = optionalJson(p, field === "caption" ? "caption_entities" : "entities");
    content = { text: raw, entities: explicitEntities(entities, raw) };
  } else if (parseMode.toLowerCase() === "html") {
    try {
      content = { html: raw, ...parseTelegramHtml(raw) };
    } catch (e) {
      if (e instanceof HtmlParseError) throw badRequest(`can't parse entities: ${e.message}`);
      throw e;
    }
  } else if (parseMode === "MarkdownV2" || parseMode === "Markdown") {
    throw badRequest(`parse_mode ${parseMode} is not supported by the fake Bot API (use HTML)`);
  } else {
    throw badRequest("unsupported parse_mode");
  }
  content = trim(content);
  if (field === "caption") {
    if (content.text.length > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
  } else {
    if (content.text.length === 0) throw badRequest("message text is empty");
    if (content.text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  }
  return content;
}

/** Whether two entity lists format the text the same way. */
export function sameEntities(a: StoredEntity[], b: StoredEntity[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
