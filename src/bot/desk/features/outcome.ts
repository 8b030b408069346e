import { Composer } from "grammy";
import type { EditorChoice } from "../../../db/delivery-repository.js";
import type { ResolveOutcome } from "../../../publishing/publisher.js";
import { QueueError } from "../../../publishing/queue-errors.js";
import type { BotContext } from "../../context.js";
import { type DeskMessages, deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { escapeHtml } from "../formatters/desk-text.js";
import { outcomeAnsweredHtml } from "../formatters/outcome-question.js";
import { publishOutcomeText } from "../formatters/publish.js";
import { OUTCOME_DATA } from "../keyboards/callback-data.js";

function answeredHtml(
  d: DeskMessages,
  itemId: number,
  choice: EditorChoice,
  result: ResolveOutcome,
): string {
  const item = { itemId, title: result.title };
  switch (result.status) {
    case "recorded":
      return outcomeAnsweredHtml(d, item, choice, d.outcomeRecorded);
    case "sent-again":
      return outcomeAnsweredHtml(d, item, choice, publishOutcomeText(d, result.outcome));
    case "already-decided":
      return escapeHtml(
        d.outcomeAlreadyDecided(
          result.title,
          itemId,
          result.choice === null || result.choice === undefined
            ? undefined
            : result.choice === "in-channel",
        ),
      );
  }
}

/**
 * The editors' answer to "Is this post in the channel?" (a post whose outcome is unknown): the
 * choice is recorded by the publisher, and the question is replaced by what was done.
 */
export function createAdminOutcomeFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.filter(isAdminOf(desk.adminIds)).callbackQuery(OUTCOME_DATA, async (ctx) => {
    const d = deskFor(ctx.locale);
    const choice: EditorChoice = ctx.match[1] === "oc" ? "in-channel" : "send-again";
    const itemId = Number(ctx.match[2]);
    if (!desk.publisher) {
      await ctx.answerCallbackQuery({ text: d.noPublisher });
      return;
    }
    // Answered at once: sending again may take a while, and the button must stop spinning.
    await ctx.answerCallbackQuery({
      text: choice === "in-channel" ? d.outcomeRecordedShort : d.sendingAgain,
    });
    let html: string;
    try {
      html = answeredHtml(
        d,
        itemId,
        choice,
        await desk.publisher.resolveUnknown(itemId, choice, ctx.from.id),
      );
    } catch (error) {
      if (!(error instanceof QueueError)) throw error;
      html = escapeHtml(d.outcomeItemGone(itemId));
    }
    await ctx.editMessageText(html, { parse_mode: "HTML" });
  });
  return feature;
}
