import type { CliContext } from "../cli-context.js";

/** `stats`: archive size and, where known, publishing and feed figures. */
export function statsCommand(_args: string[], ctx: CliContext): number {
  const { articles } = ctx.services;
  ctx.out(`articles: ${articles.count()}`);
  return 0;
}
