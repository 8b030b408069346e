import type { Conversation } from "@grammyjs/conversations";
import { isWebUrl } from "../../../publishing/telegram-html.js";
import type { BotContext, DialogContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import type { EditorDesk } from "../desk.js";
import { escapeHtml, shownTime } from "../formatters/desk-text.js";
import { intakeStatusHtml, refusedHtml } from "../formatters/intake.js";
import { publishOutcomeHtml } from "../formatters/publish.js";
import { NEW_CANCEL, NEW_CONFIRM } from "../keyboards/callback-data.js";
import { confirmKeyboard } from "../keyboards/new-article.js";
import { previewKeyboard } from "../keyboards/preview.js";
import { postNowInBackground } from "../post-now.js";
import { replyWithPreview } from "../replies/intake-replies.js";
import { reportLater, settlePreview } from "../replies/settle-preview.js";
import { askWhen } from "./ask-when.js";
import { nextInput } from "./dialog-input.js";

/** The id `ctx.conversation.enter` uses for the /new dialog. */
export const NEW_ARTICLE_CONVERSATION = "new-article";

export const MAX_HEADLINE = 300;
export const MIN_TEXT = 20;
/** Keeps headline + text + time line + footer under 4,096, so the preview is the whole post. */
export const MAX_TEXT = 3500;

type Ask = (prompt: string) => Promise<string | null>;

/**
 * The guided dialog: headline → text → link (optional) → when → preview → Confirm / Cancel.
 * Replay-safe: the clock, the database and the publisher are reached only through
 * `conversation.external` / `conversation.now`, and every stored value is plain JSON.
 */
export function createNewArticleConversation(desk: EditorDesk) {
  return async function newArticle(
    conversation: Conversation<BotContext, DialogContext>,
    ctx: DialogContext,
  ) {
    const d = deskFor(ctx.locale);
    const input = (o: { buttons?: string[]; skippable?: boolean } = {}) =>
      nextInput(conversation, { ...o, ownCommand: "new" });

    /** Asks until `check` accepts the answer (null: skipped). */
    const askValid =
      (check: (text: string) => string | undefined, skippable = false): Ask =>
      async (prompt) => {
        await ctx.reply(prompt, { parse_mode: "HTML" });
        for (;;) {
          const answer = await input({ skippable });
          if (answer.kind === "skip") return null;
          if (answer.kind !== "text") continue;
          const problem = check(answer.text.trim());
          if (problem === undefined) return answer.text.trim();
          await answer.ctx.reply(d.tryAgain(problem));
        }
      };

    const headline = (await askValid((t) =>
      t.includes("\n")
        ? d.headlineOneLine
        : t.length > MAX_HEADLINE
          ? d.headlineTooLong(t.length, MAX_HEADLINE)
          : undefined,
    )(d.newStep1Html))!;

    const body = (await askValid((t) =>
      t.length < MIN_TEXT
        ? d.textTooShort(MIN_TEXT)
        : t.length > MAX_TEXT
          ? d.textTooLong(t.length, MAX_TEXT)
          : undefined,
    )(d.newStep2Html))!;

    const link = await askValid(
      (t) => (isWebUrl(t) && t.length <= 2000 ? undefined : d.notALink),
      true,
    )(d.newStep3Html);

    const when = await askWhen(conversation, ctx, desk, d);

    const publishedAt = when.kind === "at" ? when.at : await conversation.now();
    const fields = { title: headline, body, url: link, publishedAt };
    const username = ctx.me.username;
    const preview = await conversation.external(() => desk.intake.draftPreview(fields, username));
    const whenText =
      when.kind === "now"
        ? d.whenNow
        : when.kind === "next"
          ? d.whenNext
          : d.whenAt(shownTime(when.at, desk.timezone, d.locale));
    const shown = await replyWithPreview(ctx, preview, {
      statusHtml: escapeHtml(d.previewIntro(whenText)),
      markup: confirmKeyboard(d),
    });

    for (;;) {
      const answer = await input({ buttons: [NEW_CONFIRM, NEW_CANCEL] });
      if (answer.kind !== "button") {
        if (answer.kind === "text") await answer.ctx.reply(d.pressConfirm);
        continue;
      }
      await answer.ctx.answerCallbackQuery();
      if (answer.data === NEW_CANCEL) {
        await answer.ctx.editMessageReplyMarkup();
        await answer.ctx.reply(d.cancelled);
        return;
      }
      const options = when.kind === "at" ? { notBefore: when.at, top: true } : { top: true };
      const result = await conversation.external(() =>
        desk.intake.fromFields(fields, username, options),
      );
      if (result.status === "refused") {
        await answer.ctx.editMessageReplyMarkup();
        await answer.ctx.reply(refusedHtml(d, result.problem), { parse_mode: "HTML" });
        return;
      }
      if (when.kind === "now" && result.item.state === "queued") {
        const itemId = result.item.id;
        // The dialog ends at once: the preview says "Posting…", and the delivery's outcome
        // replaces that when it is known (the same message, the post still shown once).
        const chatId = answer.ctx.chat!.id;
        const statusAt = await settlePreview(
          answer.ctx,
          result.preview,
          shown,
          d.posting,
          undefined,
        );
        const preview = result.preview;
        await conversation.external(() =>
          postNowInBackground(desk, d, itemId, async (posted) => {
            const status = posted.ok
              ? publishOutcomeHtml(d, posted.outcome)
              : d.nothingPosted(escapeHtml(posted.reason));
            const stillQueued = !posted.ok || posted.outcome.status === "retry-later";
            const markup = stillQueued ? previewKeyboard(d, itemId) : undefined;
            await reportLater(desk, chatId, preview, shown, statusAt, status, markup);
          }),
        );
        return;
      }
      const paused = await conversation.external(() => desk.queue.isPaused());
      const status = intakeStatusHtml(d, result, desk.timezone, paused);
      const waiting = result.enqueued !== "already-posted" && result.item.state === "queued";
      await settlePreview(
        answer.ctx,
        result.preview,
        shown,
        status,
        waiting ? previewKeyboard(d, result.item.id) : undefined,
      );
      return;
    }
  };
}
