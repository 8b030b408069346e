import type { Conversation } from "@grammyjs/conversations";
import type { Context } from "grammy";
import { isWebUrl } from "../../publishing/telegram-html.js";
import type { BotContext } from "../context.js";
import type { EditorDesk } from "../editor-desk/desk.js";
import { POSTING_TEXT, postNowInBackground } from "../editor-desk/post-now.js";
import { publishOutcomeHtml } from "../formatters/admin-publish.js";
import { escapeHtml, shownTime } from "../formatters/admin-text.js";
import { parseWhen } from "../input/parse-when.js";
import {
  NEW_CANCEL,
  NEW_CONFIRM,
  NEW_NEXT_SLOT,
  NEW_NOW,
} from "../keyboards/admin-callback-data.js";
import { confirmKeyboard, whenKeyboard } from "../keyboards/admin-new-article.js";
import { replyWithIntake, replyWithPreview } from "../replies/intake-replies.js";
import { nextInput } from "./dialog-input.js";

/** The id `ctx.conversation.enter` uses for the /new dialog. */
export const NEW_ARTICLE_CONVERSATION = "new-article";

export const MAX_HEADLINE = 300;
export const MIN_TEXT = 20;
/** Keeps headline + text + time line + footer under 4,096, so the preview is the whole post. */
export const MAX_TEXT = 3500;

type Ask = (prompt: string) => Promise<string | null>;
type When =
  | { readonly kind: "next" }
  | { readonly kind: "now" }
  | { readonly kind: "at"; readonly at: number };

/**
 * The guided dialog: headline → text → link (optional) → when → preview → Confirm / Cancel.
 * Replay-safe: the clock, the database and the publisher are reached only through
 * `conversation.external` / `conversation.now`, and every stored value is plain JSON.
 */
export function createNewArticleConversation(desk: EditorDesk) {
  return async function newArticle(conversation: Conversation<BotContext, Context>, ctx: Context) {
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
          await answer.ctx.reply(`${problem} Try again, or /cancel.`);
        }
      };

    const headline = (await askValid((t) =>
      t.includes("\n")
        ? "The headline is one line."
        : t.length > MAX_HEADLINE
          ? `The headline is ${t.length} characters; at most ${MAX_HEADLINE}.`
          : undefined,
    )("📝 New post (step 1 of 4). Send the <b>headline</b>. /cancel leaves at any step."))!;

    const body = (await askValid((t) =>
      t.length < MIN_TEXT
        ? `The text is too short (at least ${MIN_TEXT} characters).`
        : t.length > MAX_TEXT
          ? `The text is ${t.length} characters; /new takes at most ${MAX_TEXT} (use /add for longer articles).`
          : undefined,
    )("Step 2 of 4: send the <b>text</b> of the post. Separate paragraphs with an empty line."))!;

    const link = await askValid(
      (t) => (isWebUrl(t) && t.length <= 2000 ? undefined : "That is not an http(s) link."),
      true,
    )("Step 3 of 4: send a <b>link</b> to the full story, or /skip.");

    await ctx.reply(
      `Step 4 of 4: <b>when</b> should it go out? Press a button, or send a date and time in ${escapeHtml(desk.timezone)} like 25.12.2025 09:30.`,
      { parse_mode: "HTML", reply_markup: whenKeyboard() },
    );
    let when: When | undefined;
    while (!when) {
      const answer = await input({ buttons: [NEW_NEXT_SLOT, NEW_NOW] });
      if (answer.kind === "button") {
        await answer.ctx.answerCallbackQuery();
        when = answer.data === NEW_NOW ? { kind: "now" } : { kind: "next" };
      } else if (answer.kind === "text") {
        const parsed = parseWhen(answer.text, desk.timezone, await conversation.now());
        if (parsed.ok) when = { kind: "at", at: parsed.at };
        else
          await answer.ctx.reply(`Not a time I can use: ${parsed.reason}. Try again, or /cancel.`);
      }
    }

    const publishedAt = when.kind === "at" ? when.at : await conversation.now();
    const fields = { title: headline, body, url: link, publishedAt };
    const username = ctx.me.username;
    const preview = await conversation.external(() => desk.intake.draftPreview(fields, username));
    const whenText =
      when.kind === "now"
        ? "right after you confirm"
        : when.kind === "next"
          ? "at the next scheduled slot (first in the queue)"
          : `not before ${shownTime(when.at, desk.timezone)}`;
    await ctx.reply(`Preview. It will be posted ${whenText}:`);
    await replyWithPreview(ctx, preview, confirmKeyboard());

    for (;;) {
      const answer = await input({ buttons: [NEW_CONFIRM, NEW_CANCEL] });
      if (answer.kind !== "button") {
        if (answer.kind === "text")
          await answer.ctx.reply("Press Confirm or Cancel under the preview.");
        continue;
      }
      await answer.ctx.answerCallbackQuery();
      await answer.ctx.editMessageReplyMarkup();
      if (answer.data === NEW_CANCEL) {
        await answer.ctx.reply("Cancelled: nothing was saved.");
        return;
      }
      const options = when.kind === "at" ? { notBefore: when.at, top: true } : { top: true };
      const result = await conversation.external(() =>
        desk.intake.fromFields(fields, username, options),
      );
      if (when.kind === "now" && result.status === "accepted" && result.item.state === "queued") {
        const itemId = result.item.id;
        // The dialog ends at once; the delivery's outcome replaces "Posting…" when it is known.
        const status = await answer.ctx.reply(POSTING_TEXT);
        await conversation.external(() =>
          postNowInBackground(desk, itemId, (posted) =>
            desk.api.editMessageText(
              status.chat.id,
              status.message_id,
              posted.ok
                ? publishOutcomeHtml(posted.outcome)
                : `⚠️ Not posted: ${escapeHtml(posted.reason)}.`,
              { parse_mode: "HTML" },
            ),
          ),
        );
        return;
      }
      const paused = await conversation.external(() => desk.queue.isPaused());
      await replyWithIntake(answer.ctx, result, { timezone: desk.timezone, paused });
      return;
    }
  };
}
