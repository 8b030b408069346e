import type { CliContext } from "../cli-context.js";

const when = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

/** `stats`: archive size, the queue and publishing state, and each feed's health. */
export function statsCommand(_args: string[], ctx: CliContext): number {
  const { articles, publishing, feeds } = ctx.services;
  ctx.out(`articles: ${articles.count()}`);
  if (publishing) {
    const s = publishing.queue.stats();
    ctx.out(`queued: ${s.queued}`);
    ctx.out(
      `posted: ${s.postedToday} today, ${s.postedLast7Days} in the last 7 days; failed: ${s.failed}`,
    );
    ctx.out(
      `publishing: ${s.paused ? `paused since ${when(s.paused.at)} by ${s.paused.by}${s.paused.reason ? ` (${s.paused.reason})` : ""}` : "running"}`,
    );
    if (s.lastDeliveryError)
      ctx.out(
        `last delivery error: ${when(s.lastDeliveryError.at)} ${s.lastDeliveryError.message}`,
      );
  } else {
    ctx.out("publishing: off (CHANNEL_ID is not set)");
  }
  const all = feeds.listFeeds();
  const failing = all.filter((f) => f.lastError);
  ctx.out(`feeds: ${all.length}${failing.length ? `, ${failing.length} failing` : ""}`);
  for (const feed of failing) ctx.out(`  #${feed.id} ${feed.url}: ${feed.lastError}`);
  return 0;
}
