import { fromWallTime, isValidWallTime } from "../time/zoned-time.js";
import type { ArticleInput } from "./article.js";
import type { ArticleProblem } from "./article-problem.js";

export const MAX_PASTED_LENGTH = 100_000;
const MIN_BODY_LENGTH = 20;
const MAX_HEADLINE_LENGTH = 300;

/** Text that cannot be read as an article, with the reason to show the editor. */
export class PastedTextError extends Error {
  constructor(
    message: string,
    readonly problem: ArticleProblem,
  ) {
    super(message);
    this.name = "PastedTextError";
  }
}

export interface ParseOptions {
  /** IANA zone the time line is written in. */
  readonly timezone: string;
  /** Extra call-to-action lines to drop (e.g. the configured POST_FOOTER). */
  readonly footerLines?: readonly string[];
}

/** Lines a site appends to send readers to its channel; never part of the story. */
const CALL_TO_ACTION = [
  /^read (?:more|us|the full story|all news)(?: in| on| at)? (?:our )?telegram(?:[- ]channel)?\.?!?$/i,
  /^(?:subscribe|join us|follow us) (?:to|on|in) (?:our )?telegram(?:[- ]channel)?\.?!?$/i,
  /^(?:читайте|читать) (?:больше |нас |новости |подробнее )?(?:в|на) (?:нашем )?(?:telegram|телеграм)(?:[- ]?канале)?\.?!?$/i,
  /^подписывайтесь на (?:наш )?(?:telegram|телеграм)(?:[- ]?канал)?\.?!?$/i,
];

const TIME_FIRST = /^(\d{1,2}):(\d{2})\s+(\d{1,2})\.(\d{1,2})\.(\d{4})\s*[•·|—–-]?\s*$/;
const DATE_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(\d{1,2}):(\d{2})\s*[•·|—–-]?\s*$/;

/** "…, writes Bloomberg." / "…, reports the Wall Street Journal." / "…, пишет РБК." */
const SOURCE_PATTERNS = [
  /,\s*(?:writes|reports|reported|said|says|according to)\s+(?:the\s+)?((?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*){0,4})[.!]?\s*$/u,
  /,\s*(?:пишет|сообщает|сообщают|передает|передаёт|по данным)\s+((?:[А-ЯЁA-Z«"][\p{L}&'’.«»"-]*)(?:\s+[А-ЯЁA-Z«"][\p{L}&'’.«»"-]*){0,4})[.!]?\s*$/u,
];

function isBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  let odd = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code < 32 && ch !== "\n" && ch !== "\r" && ch !== "\t") || code === 0xfffd) odd++;
  }
  return odd > Math.max(3, text.length / 100);
}

function parseTimeLine(line: string, timezone: string): number | null {
  const t = TIME_FIRST.exec(line);
  const d = t ? null : DATE_FIRST.exec(line);
  if (!t && !d) return null;
  const [hour, minute, day, month, year] = t
    ? [t[1], t[2], t[3], t[4], t[5]].map(Number)
    : [d![4], d![5], d![1], d![2], d![3]].map(Number);
  const wall = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0 };
  return isValidWallTime(wall) ? fromWallTime(wall, timezone) : null;
}

function isCallToAction(line: string, footers: readonly string[]): boolean {
  const plain = line.trim().replace(/\s+/g, " ");
  if (footers.some((f) => f.trim().toLowerCase() === plain.toLowerCase())) return true;
  return CALL_TO_ACTION.some((re) => re.test(plain));
}

function findSource(paragraphs: readonly string[]): string | null {
  for (const paragraph of paragraphs.slice(0, 3)) {
    const firstSentenceEnd = paragraph.search(/[.!?](\s|$)/);
    const lead = firstSentenceEnd >= 0 ? paragraph.slice(0, firstSentenceEnd + 1) : paragraph;
    for (const pattern of SOURCE_PATTERNS) {
      const match = pattern.exec(lead);
      if (match?.[1]) return match[1].replace(/[.«»"]+$/g, "").replace(/^[«"]/, "");
    }
  }
  return null;
}

function guessLanguage(text: string): string {
  const sample = text.slice(0, 2000);
  const cyrillic = sample.match(/[\u0400-\u04FF]/g)?.length ?? 0;
  const latin = sample.match(/[A-Za-z]/g)?.length ?? 0;
  return cyrillic > latin ? "ru" : "en";
}

/**
 * Reads text shaped like the newsroom's articles: a headline line, an optional time line
 * (`9:58 23.02.2023 •`, read in `timezone`), paragraphs, and a closing call-to-action line
 * that is dropped.
 * @throws PastedTextError with a reason fit for the editor.
 */
export function parsePastedText(raw: string, options: ParseOptions): ArticleInput {
  if (raw.length > MAX_PASTED_LENGTH) {
    throw new PastedTextError(
      `the text is ${raw.length.toLocaleString("en")} characters long; the limit is ${MAX_PASTED_LENGTH.toLocaleString("en")}`,
      { code: "too-long", length: raw.length, max: MAX_PASTED_LENGTH },
    );
  }
  if (isBinary(raw))
    throw new PastedTextError("this looks like binary data, not text", { code: "binary" });
  const text = raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
  if (text.trim() === "") throw new PastedTextError("the text is empty", { code: "empty" });

  const lines = text.split("\n").map((l) => l.replace(/[ \t\u00a0]+$/g, ""));
  const footers = options.footerLines ?? [];
  while (lines.length && (lines.at(-1)!.trim() === "" || isCallToAction(lines.at(-1)!, footers)))
    lines.pop();

  const headlineIndex = lines.findIndex((l) => l.trim() !== "");
  if (headlineIndex < 0)
    throw new PastedTextError("the text has nothing but a call-to-action line", {
      code: "only-call-to-action",
    });
  const title = lines[headlineIndex]!.trim()
    .replace(/^#+\s*/, "")
    .replace(/\s+/g, " ");
  if (title.length > MAX_HEADLINE_LENGTH) {
    throw new PastedTextError(
      `the first line should be the headline, but it is ${title.length} characters long (at most ${MAX_HEADLINE_LENGTH})`,
      { code: "headline-too-long", length: title.length, max: MAX_HEADLINE_LENGTH },
    );
  }

  let rest = lines.slice(headlineIndex + 1);
  let publishedAt: number | null = null;
  const timeIndex = rest.findIndex((l) => l.trim() !== "");
  if (timeIndex >= 0) {
    publishedAt = parseTimeLine(rest[timeIndex]!.trim(), options.timezone);
    if (publishedAt !== null) rest = rest.slice(timeIndex + 1);
  }

  const paragraphs = rest
    .join("\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const body = paragraphs.join("\n\n");
  if (body.length < MIN_BODY_LENGTH) {
    throw new PastedTextError(
      "the text is too short: put the headline on the first line and at least a sentence of text below it",
      { code: "too-short" },
    );
  }

  return {
    title,
    body,
    publishedAt,
    source: findSource(paragraphs),
    language: guessLanguage(`${title} ${body}`),
  };
}
