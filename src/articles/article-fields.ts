import type { Article, ArticleFields, ArticleInput } from "./article.js";
import type { ArticleProblem } from "./article-problem.js";
import { canonicalUrl } from "./canonical-url.js";
import { contentHash } from "./content-hash.js";

export const MAX_TITLE_LENGTH = 500;
export const MAX_BODY_LENGTH = 100_000;

/** An article that cannot be stored, with a reason fit to show an editor. */
export class InvalidArticleError extends Error {
  constructor(
    message: string,
    readonly problem: ArticleProblem,
  ) {
    super(message);
    this.name = "InvalidArticleError";
  }
}

function clean(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/** Anything normaliseBody would change; most parsed text has none of it. */
const NEEDS_NORMALISING = /\r|\t| {2}| \n|\n | $|^ |\n{3}|^\n|\n$/;

function normaliseBody(body: string): string {
  if (!NEEDS_NORMALISING.test(body)) return body;
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .replace(/[ \t]+/g, " ")
        .replace(/ *\n */g, "\n")
        .trim(),
    )
    .filter((p) => p !== "")
    .join("\n\n");
}

/**
 * The longest start of `body` of at most `max` characters that ends at a paragraph end (else a
 * sentence end, else a word end), so a cut text still reads as whole paragraphs.
 */
export function cutAtParagraph(body: string, max: number): string {
  if (body.length <= max) return body;
  const head = body.slice(0, max + 2);
  const paragraph = head.lastIndexOf("\n\n");
  if (paragraph > 0 && paragraph <= max) return body.slice(0, paragraph).trimEnd();
  const window = body.slice(0, max);
  const sentence = Math.max(
    window.lastIndexOf(". "),
    window.lastIndexOf("! "),
    window.lastIndexOf("? "),
  );
  if (sentence > max / 2) return window.slice(0, sentence + 1);
  const space = window.lastIndexOf(" ");
  return (space > max / 2 ? window.slice(0, space) : window).trimEnd();
}

/**
 * A known article updated by its own source: the new text, headline and link; the archive keeps
 * its published time and feed, and whatever the new version lacks.
 */
export function updatedFields(existing: Article, fields: ArticleFields): ArticleFields {
  return {
    ...fields,
    url: fields.url ?? existing.url,
    canonicalUrl: fields.canonicalUrl ?? existing.canonicalUrl,
    guid: fields.guid ?? existing.guid,
    feedId: existing.feedId ?? fields.feedId,
    source: fields.source ?? existing.source,
    imageUrl: fields.imageUrl ?? existing.imageUrl,
    language: fields.language ?? existing.language,
    publishedAt: existing.publishedAt,
  };
}

export interface FieldOptions {
  /** Cut a text over MAX_BODY_LENGTH at a paragraph end (feed items) instead of refusing it. */
  readonly cutLongBody?: boolean;
}

/**
 * Validates and normalises input into the stored columns.
 * @throws InvalidArticleError with a reason fit to show an editor.
 */
export function toArticleFields(
  input: ArticleInput,
  now: number,
  options: FieldOptions = {},
): ArticleFields {
  const title = input.title.replace(/\s+/g, " ").trim();
  let body = normaliseBody(input.body);
  if (title === "")
    throw new InvalidArticleError("the article has no headline", { code: "no-headline" });
  if (title.length > MAX_TITLE_LENGTH) {
    throw new InvalidArticleError(`the headline is longer than ${MAX_TITLE_LENGTH} characters`, {
      code: "headline-too-long",
      max: MAX_TITLE_LENGTH,
    });
  }
  let bodyCut = false;
  if (body.length > MAX_BODY_LENGTH) {
    if (!options.cutLongBody) {
      throw new InvalidArticleError(
        `the text is longer than ${MAX_BODY_LENGTH.toLocaleString("en")} characters`,
        { code: "too-long", length: body.length, max: MAX_BODY_LENGTH },
      );
    }
    body = cutAtParagraph(body, MAX_BODY_LENGTH);
    bodyCut = true;
  }
  const url = clean(input.url);
  return {
    title,
    body,
    url,
    canonicalUrl: canonicalUrl(url),
    guid: clean(input.guid),
    feedId: input.feedId ?? null,
    source: clean(input.source),
    imageUrl: clean(input.imageUrl),
    language: clean(input.language),
    publishedAt: input.publishedAt && Number.isFinite(input.publishedAt) ? input.publishedAt : now,
    contentHash: contentHash(title, body),
    bodyCut,
  };
}
