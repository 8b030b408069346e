/** Percentile (0–100) of already measured values, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Runs `fn` for every query and returns each call's milliseconds. */
export function timeEach<T>(queries: readonly T[], fn: (q: T) => unknown): number[] {
  return queries.map((q) => {
    const t0 = performance.now();
    fn(q);
    return performance.now() - t0;
  });
}

export const fmt = (n: number, digits = 2): string =>
  Number.isFinite(n)
    ? n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "–";

/** A plain Markdown table. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}
