import { Composer, GrammyError } from "grammy";
import { QueueError } from "../../../publishing/queue-errors.js";
import type { BotContext } from "../../context.js";
import { type DeskMessages, deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { deskCommand } from "../desk-commands.js";
import { escapeHtml } from "../formatters/desk-text.js";
import { publishOutcomeHtml, scheduledQuestionHtml } from "../formatters/publish.js";
import { clampPage, queuePageHtml } from "../formatters/queue.js";
import { parseQueueData, type QueueButton } from "../keyboards/callback-data.js";
import { postEarlyKeyboard } from "../keyboards/confirm.js";
import { queueKeyboard } from "../keyboards/queue.js";
import { postNowInBackground, scheduledFor } from "../post-now.js";
import { loadQueueView } from "../queue-view.js";

const isNotModified = (error: unknown) =>
  error instanceof GrammyError && error.description.includes("message is not modified");

/** Redraws the /queue message the button sits under; "not modified" is fine. */
async function redraw(ctx: BotContext, desk: EditorDesk, page: number): Promise<void> {
  const view = loadQueueView(desk, deskFor(ctx.locale));
  const shown = clampPage(view, page);
  try {
    await ctx.editMessageText(queuePageHtml(view, shown), {
      parse_mode: "HTML",
      reply_markup: queueKeyboard(view, shown),
    });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

/**
 * "Post now" under /queue or a preview: answered at once ("Posting…" as the button's notice and
 * as a message), the delivery goes on in the background and its outcome replaces that message;
 * then the queue (or the preview's buttons) is brought up to date.
 */
async function postNowButton(
  ctx: BotContext,
  desk: EditorDesk,
  button: Extract<QueueButton, { kind: "item" }>,
): Promise<void> {
  const d = deskFor(ctx.locale);
  if (desk.queue.get(button.itemId)?.state !== "queued") {
    // Stale: known at once, so answered at once like the other buttons.
    await ctx.answerCallbackQuery({ text: d.staleItem });
    await afterItemGone(ctx, desk, button);
    return;
  }
  // "Post now" (not yet "Post now anyway") of an item scheduled for later: ask first.
  const planned = button.action === "p" ? scheduledFor(desk, button.itemId) : undefined;
  if (planned !== undefined) {
    await ctx.answerCallbackQuery({ text: d.scheduledConfirmBelow });
    await ctx.reply(scheduledQuestionHtml(d, button.itemId, planned, desk.timezone), {
      parse_mode: "HTML",
      reply_markup: postEarlyKeyboard(d, button.itemId),
    });
    return;
  }
  await ctx.answerCallbackQuery({ text: d.posting });
  const status = await ctx.reply(d.postingItem(button.itemId));
  postNowInBackground(
    desk,
    d,
    button.itemId,
    async (result) => {
      const text = result.ok
        ? publishOutcomeHtml(d, result.outcome)
        : `⚠️ ${escapeHtml(d.itemProblem(button.itemId, result.stale ? d.staleItem : result.reason))}`;
      await ctx.api.editMessageText(status.chat.id, status.message_id, text, {
        parse_mode: "HTML",
      });
      if (result.ok || result.stale) await afterItemGone(ctx, desk, button);
    },
    { early: button.action === "e" },
  );
}

/** The item left the queue: redraw /queue, or drop the buttons under a preview. */
async function afterItemGone(
  ctx: BotContext,
  desk: EditorDesk,
  button: Extract<QueueButton, { kind: "item" }>,
): Promise<void> {
  if (button.page !== undefined) {
    await redraw(ctx, desk, button.page);
    return;
  }
  await ctx.editMessageReplyMarkup().catch((error: unknown) => {
    if (!isNotModified(error)) throw error;
  });
}

/** Does what an item button says (all but "Post now"); returns the short answer for the editor. */
function act(
  desk: EditorDesk,
  d: DeskMessages,
  button: Extract<QueueButton, { kind: "item" }>,
): { text: string; done: boolean } {
  const { itemId } = button;
  try {
    switch (button.action) {
      case "k":
        return { text: d.keptScheduled, done: true };
      case "r":
        desk.queue.remove(itemId);
        return { text: d.removedFromQueue, done: true };
      case "t":
        desk.queue.moveToTop(itemId);
        return { text: d.movedToTop, done: false };
      case "u":
        desk.queue.moveUp(itemId);
        return { text: d.movedUp, done: false };
      case "d":
        desk.queue.moveDown(itemId);
        return { text: d.movedDown, done: false };
      case "y":
        desk.queue.retry(itemId);
        return { text: d.queuedAgain, done: false };
      case "p":
      case "e":
        return { text: d.buttonInvalid, done: false };
    }
  } catch (error) {
    // A removed, posted or unknown item: the button is stale.
    if (error instanceof QueueError) return { text: d.staleItem, done: true };
    throw error;
  }
}

/** /queue and every queue button (`q:`), for editors only. */
export function createAdminQueueFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const editor = feature.filter(isAdminOf(desk.adminIds));

  editor.chatType("private").command(deskCommand("queue"), async (ctx) => {
    const view = loadQueueView(desk, deskFor(ctx.locale));
    await ctx.reply(queuePageHtml(view, 0), {
      parse_mode: "HTML",
      reply_markup: queueKeyboard(view, 0),
    });
  });

  editor.callbackQuery(/^q:/, async (ctx) => {
    const d = deskFor(ctx.locale);
    const button = parseQueueData(ctx.callbackQuery.data);
    if (!button) {
      await ctx.answerCallbackQuery({ text: d.buttonInvalid });
      return;
    }
    if (button.kind === "page") {
      await ctx.answerCallbackQuery();
      await redraw(ctx, desk, button.page);
      return;
    }
    if (button.action === "p" || button.action === "e") {
      await postNowButton(ctx, desk, button);
      return;
    }
    const answer = act(desk, d, button);
    await ctx.answerCallbackQuery({ text: answer.text });
    if (button.page !== undefined) {
      await redraw(ctx, desk, button.page);
    } else if (answer.done) {
      // Under a preview: the item is gone from the queue, so its buttons go too.
      await ctx.editMessageReplyMarkup().catch((error: unknown) => {
        if (!isNotModified(error)) throw error;
      });
    }
  });

  return feature;
}
