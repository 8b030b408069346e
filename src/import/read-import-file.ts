import { readFileSync } from "node:fs";
import { z } from "zod";
import type { ArticleInput } from "../articles/article.js";
import { PastedTextError, parsePastedText } from "../articles/parse-pasted-text.js";

/** A file the import cannot use, with the reason. */
export class ImportFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "ImportFileError";
  }
}

const timestamp = z.union([
  z.number().finite(),
  z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), { message: "is not a date" })
    .transform((s) => Date.parse(s)),
]);

const jsonArticle = z.object({
  title: z.string(),
  body: z.string().optional(),
  text: z.string().optional(),
  url: z.string().nullish(),
  guid: z.string().nullish(),
  source: z.string().nullish(),
  imageUrl: z.string().nullish(),
  image_url: z.string().nullish(),
  language: z.string().nullish(),
  publishedAt: timestamp.nullish(),
  published_at: timestamp.nullish(),
});

/** One article read from a file, or the reason an entry could not be read. */
export type ImportEntry =
  | { readonly ok: true; readonly where: string; readonly input: ArticleInput }
  | { readonly ok: false; readonly where: string; readonly reason: string };

function fromJsonArray(file: string, text: string): ImportEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new ImportFileError(file, "expected a JSON array of articles");
  return data.map((item, index): ImportEntry => {
    const where = `${file}[${index}]`;
    const parsed = jsonArticle.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        where,
        reason: `${issue?.path.join(".") || "entry"} ${issue?.message ?? "is invalid"}`,
      };
    }
    const a = parsed.data;
    return {
      ok: true,
      where,
      input: {
        title: a.title,
        body: a.body ?? a.text ?? "",
        url: a.url ?? null,
        guid: a.guid ?? null,
        source: a.source ?? null,
        imageUrl: a.imageUrl ?? a.image_url ?? null,
        language: a.language ?? null,
        publishedAt: a.publishedAt ?? a.published_at ?? null,
      },
    };
  });
}

/**
 * Reads one import file: a JSON array of articles (`.json`), or one article as text in
 * the newsroom's pasted shape (anything else).
 * @throws ImportFileError when the whole file is unusable.
 */
export function readImportFile(
  file: string,
  options: { timezone: string; footerLines: string[] },
): ImportEntry[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ImportFileError(
      file,
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error),
    );
  }
  if (file.toLowerCase().endsWith(".json")) return fromJsonArray(file, text);
  try {
    return [{ ok: true, where: file, input: parsePastedText(text, options) }];
  } catch (error) {
    if (error instanceof PastedTextError)
      return [{ ok: false, where: file, reason: error.message }];
    throw error;
  }
}
