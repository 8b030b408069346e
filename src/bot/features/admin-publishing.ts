import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { EditorDesk } from "../editor-desk/desk.js";
import { POSTING_TEXT, postNowInBackground, scheduledFor } from "../editor-desk/post-now.js";
import { isAdminOf } from "../filters/is-admin.js";
import { publishOutcomeHtml, scheduledQuestionHtml } from "../formatters/admin-publish.js";
import { escapeHtml, shownTime } from "../formatters/admin-text.js";
import { postEarlyKeyboard } from "../keyboards/admin-confirm.js";

const ITEM_ID = /^#?(\d{1,12})$/;

/** /postnow [ID], /pause and /resume, for editors only. */
export function createAdminPublishingFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const editor = feature.chatType("private").filter(isAdminOf(desk.adminIds));

  editor.command("postnow", async (ctx) => {
    const arg = ctx.match.trim();
    const id = ITEM_ID.exec(arg)?.[1];
    if (arg !== "" && id === undefined) {
      await ctx.reply(
        "Usage: /postnow to publish the next due item, or /postnow 12 for item #12 of /queue.",
      );
      return;
    }
    const itemId = id === undefined ? undefined : Number(id);
    const planned = itemId === undefined ? undefined : scheduledFor(desk, itemId);
    if (itemId !== undefined && planned !== undefined) {
      await ctx.reply(scheduledQuestionHtml(itemId, planned, desk.timezone), {
        parse_mode: "HTML",
        reply_markup: postEarlyKeyboard(itemId),
      });
      return;
    }
    // Answered at once; the outcome replaces "Posting…" when the channel has answered.
    const status = await ctx.reply(POSTING_TEXT);
    postNowInBackground(desk, itemId, (result) =>
      !result.ok && result.scheduled
        ? // Scheduled meanwhile: the status becomes the question.
          ctx.api.editMessageText(
            status.chat.id,
            status.message_id,
            scheduledQuestionHtml(
              result.scheduled.itemId,
              result.scheduled.notBefore,
              desk.timezone,
            ),
            { parse_mode: "HTML", reply_markup: postEarlyKeyboard(result.scheduled.itemId) },
          )
        : ctx.api.editMessageText(
            status.chat.id,
            status.message_id,
            result.ok
              ? publishOutcomeHtml(result.outcome)
              : `⚠️ Nothing posted: ${escapeHtml(result.reason)}.`,
            { parse_mode: "HTML" },
          ),
    );
  });

  editor.command("pause", async (ctx) => {
    if (desk.queue.pause()) {
      await ctx.reply(
        "⏸ Scheduled publishing is paused, also after a restart. /postnow still posts; /resume restarts the schedule.",
      );
      return;
    }
    const since = desk.queue.stats().paused;
    await ctx.reply(
      `Publishing was already paused${since ? ` since ${shownTime(since.at, desk.timezone)}` : ""}. /resume restarts it.`,
    );
  });

  editor.command("resume", async (ctx) => {
    const resumed = desk.queue.resume();
    await ctx.reply(
      resumed
        ? "▶️ Scheduled publishing is running again. /queue shows the planned times."
        : "Publishing was not paused; it runs on schedule.",
    );
  });

  return feature;
}
