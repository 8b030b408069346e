import { Composer, GrammyError } from "grammy";
import { QueueError } from "../../publishing/queue-errors.js";
import type { BotContext } from "../context.js";
import type { EditorDesk } from "../editor-desk/desk.js";
import { postNowFor } from "../editor-desk/post-now.js";
import { loadQueueView } from "../editor-desk/queue-view.js";
import { isAdminOf } from "../filters/is-admin.js";
import { publishOutcomeText, scheduledQuestionHtml } from "../formatters/admin-publish.js";
import { clampPage, queuePageHtml } from "../formatters/admin-queue.js";
import { parseQueueData, type QueueButton } from "../keyboards/admin-callback-data.js";
import { postEarlyKeyboard } from "../keyboards/admin-confirm.js";
import { queueKeyboard } from "../keyboards/admin-queue.js";

const STALE = "That item is no longer in the queue.";

const isNotModified = (error: unknown) =>
  error instanceof GrammyError && error.description.includes("message is not modified");

/** Redraws the /queue message the button sits under; "not modified" is fine. */
async function redraw(ctx: BotContext, desk: EditorDesk, page: number): Promise<void> {
  const view = loadQueueView(desk);
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

interface Answer {
  readonly text: string;
  /** The item left the queue: buttons under a preview go. */
  readonly done: boolean;
  /** The item is scheduled for later: ask before posting it early. */
  readonly askEarly?: { readonly itemId: number; readonly notBefore: number };
}

/** Does what an item button says; returns the short answer for the editor. */
async function act(
  desk: EditorDesk,
  button: Extract<QueueButton, { kind: "item" }>,
): Promise<Answer> {
  const { itemId } = button;
  try {
    switch (button.action) {
      case "p":
      case "e": {
        const result = await postNowFor(desk, itemId, { early: button.action === "e" });
        if (result.ok) return { text: publishOutcomeText(result.outcome), done: true };
        if (result.scheduled) {
          return {
            text: "Scheduled for later: confirm below.",
            done: false,
            askEarly: result.scheduled,
          };
        }
        return { text: result.stale ? STALE : result.reason, done: result.stale };
      }
      case "k":
        return { text: "It stays scheduled.", done: true };
      case "r":
        desk.queue.remove(itemId);
        return { text: "Removed from the queue.", done: true };
      case "t":
        desk.queue.moveToTop(itemId);
        return { text: "Moved to the top.", done: false };
      case "u":
        desk.queue.moveUp(itemId);
        return { text: "Moved up.", done: false };
      case "d":
        desk.queue.moveDown(itemId);
        return { text: "Moved down.", done: false };
      case "y":
        desk.queue.retry(itemId);
        return { text: "Queued again at the end.", done: false };
    }
  } catch (error) {
    // A removed, posted or unknown item: the button is stale.
    if (error instanceof QueueError) return { text: STALE, done: true };
    throw error;
  }
}

/** /queue and every queue button (`q:`), for editors only. */
export function createAdminQueueFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const editor = feature.filter(isAdminOf(desk.adminIds));

  editor.chatType("private").command("queue", async (ctx) => {
    const view = loadQueueView(desk);
    await ctx.reply(queuePageHtml(view, 0), {
      parse_mode: "HTML",
      reply_markup: queueKeyboard(view, 0),
    });
  });

  editor.callbackQuery(/^q:/, async (ctx) => {
    const button = parseQueueData(ctx.callbackQuery.data);
    if (!button) {
      await ctx.answerCallbackQuery({ text: "This button is not valid." });
      return;
    }
    if (button.kind === "page") {
      await ctx.answerCallbackQuery();
      await redraw(ctx, desk, button.page);
      return;
    }
    const answer = await act(desk, button);
    await ctx.answerCallbackQuery({ text: answer.text });
    if (answer.askEarly) {
      const { itemId, notBefore } = answer.askEarly;
      await ctx.reply(scheduledQuestionHtml(itemId, notBefore, desk.timezone), {
        parse_mode: "HTML",
        reply_markup: postEarlyKeyboard(itemId),
      });
    }
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
