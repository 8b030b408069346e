import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { PastedTextError, parsePastedText } from "../../articles/parse-pasted-text.js";
import { summarize } from "../../summaries/index.js";
import { type CliContext, UsageError } from "../cli-context.js";

/** `summarize [--sentences N] <file>`: the extractive summary of a plain-text article. */
export function summarizeCommand(args: string[], ctx: CliContext): number {
  const { values, positionals } = parseArgs({
    args,
    options: { sentences: { type: "string", default: "3" } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new UsageError("summarize needs exactly one text file");
  const sentences = Number(values.sentences);
  if (!Number.isInteger(sentences) || sentences < 1 || sentences > 20) {
    throw new UsageError("--sentences takes a whole number from 1 to 20");
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    ctx.err(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error)}`,
    );
    return 1;
  }
  // A file in the newsroom's shape gives a headline to summarise against; any other text is all body.
  let title: string | undefined;
  let body = text;
  try {
    const parsed = parsePastedText(text, {
      timezone: ctx.services.config.timezone,
      footerLines: [ctx.services.config.postFooter],
    });
    title = parsed.title;
    body = parsed.body;
  } catch (error) {
    if (!(error instanceof PastedTextError)) throw error;
  }
  const summary = summarize(body, { sentences, ...(title ? { title } : {}) });
  if (summary.length === 0) {
    ctx.err(`${file}: no sentences to summarise`);
    return 1;
  }
  for (const sentence of summary) ctx.out(sentence);
  return 0;
}
