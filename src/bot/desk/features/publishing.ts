import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { deskCommand } from "../desk-commands.js";
import { escapeHtml, shownTime } from "../formatters/desk-text.js";
import { publishOutcomeHtml, scheduledQuestionHtml } from "../formatters/publish.js";
import { postEarlyKeyboard } from "../keyboards/confirm.js";
import { postNowInBackground, scheduledFor } from "../post-now.js";

const ITEM_ID = /^#?(\d{1,12})$/;

/** /postnow [ID], /pause and /resume, for editors only. */
export function createAdminPublishingFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const editor = feature.chatType("private").filter(isAdminOf(desk.adminIds));

  editor.command(deskCommand("postnow"), async (ctx) => {
    const d = deskFor(ctx.locale);
    const arg = ctx.match.trim();
    const id = ITEM_ID.exec(arg)?.[1];
    if (arg !== "" && id === undefined) {
      await ctx.reply(d.postnowUsage);
      return;
    }
    const itemId = id === undefined ? undefined : Number(id);
    const planned = itemId === undefined ? undefined : scheduledFor(desk, itemId);
    if (itemId !== undefined && planned !== undefined) {
      await ctx.reply(scheduledQuestionHtml(d, itemId, planned, desk.timezone), {
        parse_mode: "HTML",
        reply_markup: postEarlyKeyboard(d, itemId),
      });
      return;
    }
    // Answered at once; the outcome replaces "Posting…" when the channel has answered.
    const status = await ctx.reply(d.posting);
    postNowInBackground(desk, d, itemId, (result) =>
      !result.ok && result.scheduled
        ? // Scheduled meanwhile: the status becomes the question.
          ctx.api.editMessageText(
            status.chat.id,
            status.message_id,
            scheduledQuestionHtml(
              d,
              result.scheduled.itemId,
              result.scheduled.notBefore,
              desk.timezone,
            ),
            { parse_mode: "HTML", reply_markup: postEarlyKeyboard(d, result.scheduled.itemId) },
          )
        : ctx.api.editMessageText(
            status.chat.id,
            status.message_id,
            result.ok
              ? publishOutcomeHtml(d, result.outcome)
              : d.nothingPosted(escapeHtml(result.reason)),
            { parse_mode: "HTML" },
          ),
    );
  });

  editor.command(deskCommand("pause"), async (ctx) => {
    const d = deskFor(ctx.locale);
    if (desk.queue.pause()) {
      await ctx.reply(d.pausedNow);
      return;
    }
    const since = desk.queue.stats().paused;
    await ctx.reply(
      d.alreadyPaused(since ? shownTime(since.at, desk.timezone, d.locale) : undefined),
    );
  });

  editor.command(deskCommand("resume"), async (ctx) => {
    const d = deskFor(ctx.locale);
    await ctx.reply(desk.queue.resume() ? d.resumed : d.notPaused);
  });

  return feature;
}
