import { Composer } from "grammy";
import type { EditorChoice } from "../../db/delivery-repository.js";
import type { ResolveOutcome } from "../../publishing/publisher.js";
import { QueueError } from "../../publishing/queue-errors.js";
import type { BotContext } from "../context.js";
import type { EditorDesk } from "../editor-desk/desk.js";
import { isAdminOf } from "../filters/is-admin.js";
import { publishOutcomeText } from "../formatters/admin-publish.js";
import { escapeHtml } from "../formatters/admin-text.js";
import { outcomeAnsweredHtml } from "../formatters/outcome-question.js";
import { OUTCOME_DATA } from "../keyboards/admin-callback-data.js";

function answeredHtml(itemId: number, choice: EditorChoice, result: ResolveOutcome): string {
  const item = { itemId, title: result.title };
  switch (result.status) {
    case "recorded":
      return outcomeAnsweredHtml(
        item,
        choice,
        "Recorded: it is posted and will not be sent again.",
      );
    case "sent-again":
      return outcomeAnsweredHtml(item, choice, publishOutcomeText(result.outcome));
    case "already-decided":
      return `«${escapeHtml(result.title)}» (item #${itemId}) was already decided${
        result.choice
          ? `: ${result.choice === "in-channel" ? "it is in the channel" : "sent again"}`
          : ""
      }. Nothing changed.`;
  }
}

/**
 * The editors' answer to "Is this post in the channel?" (a post whose outcome is unknown): the
 * choice is recorded by the publisher, and the question is replaced by what was done.
 */
export function createAdminOutcomeFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.filter(isAdminOf(desk.adminIds)).callbackQuery(OUTCOME_DATA, async (ctx) => {
    const choice: EditorChoice = ctx.match[1] === "oc" ? "in-channel" : "send-again";
    const itemId = Number(ctx.match[2]);
    if (!desk.publisher) {
      await ctx.answerCallbackQuery({ text: "Publishing is not set up in this bot." });
      return;
    }
    // Answered at once: sending again may take a while, and the button must stop spinning.
    await ctx.answerCallbackQuery({
      text: choice === "in-channel" ? "Recorded." : "Sending it again…",
    });
    let html: string;
    try {
      html = answeredHtml(
        itemId,
        choice,
        await desk.publisher.resolveUnknown(itemId, choice, ctx.from.id),
      );
    } catch (error) {
      if (!(error instanceof QueueError)) throw error;
      html = `Item #${itemId} is no longer in the queue. Nothing changed.`;
    }
    await ctx.editMessageText(html, { parse_mode: "HTML" });
  });
  return feature;
}
