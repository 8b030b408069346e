import { parseArgs } from "node:util";
import { type CliContext, UsageError } from "../cli-context.js";

/**
 * `post --dry-run`: prints exactly the request `/postnow` would send now (the first due item,
 * as the next scheduled run would take it), and sends nothing.
 */
export function postCommand(args: string[], ctx: CliContext): number {
  const { values } = parseArgs({ args, options: { "dry-run": { type: "boolean" } } });
  if (!values["dry-run"]) {
    throw new UsageError(
      "post only prints (--dry-run); the bot (npm start) or an editor's /postnow publishes",
    );
  }
  const { publishing, config } = ctx.services;
  if (!publishing) {
    ctx.err("CHANNEL_ID is not set, so nothing is queued for a channel");
    return 1;
  }
  const next = publishing.publisher.previewNext();
  if (!next) {
    const waiting = publishing.queue.list().filter((item) => item.state === "queued");
    if (waiting.length === 0) {
      ctx.out("the queue is empty: nothing would be posted");
      return 0;
    }
    const first = Math.min(...waiting.map((item) => item.notBefore ?? Number.POSITIVE_INFINITY));
    ctx.out(
      `nothing is due now: ${waiting.length} queued item(s) scheduled for later, the first not before ${new Date(first).toISOString()}`,
    );
    return 0;
  }
  const { item, article, post } = next;
  const method = post.kind === "photo" ? "sendPhoto" : "sendMessage";
  const payload =
    post.kind === "photo"
      ? { chat_id: config.channelId, photo: post.photoUrl, caption: post.html, parse_mode: "HTML" }
      : {
          chat_id: config.channelId,
          text: post.html,
          parse_mode: "HTML",
          ...(post.linkPreview ? { link_preview_options: post.linkPreview } : {}),
        };
  ctx.out(`next: queue item #${item.id}, article #${article.id} "${article.title}"`);
  ctx.out(`${method} ${JSON.stringify(payload, null, 2)}`);
  ctx.out(
    `--- as readers see it (${post.visibleLength} characters${post.truncated ? ", cut to fit" : ""}) ---`,
  );
  ctx.out(post.plain);
  return 0;
}
