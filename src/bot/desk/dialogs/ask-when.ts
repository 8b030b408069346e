import type { Conversation } from "@grammyjs/conversations";
import { formatClockWithOffset, formatShownTime } from "../../../time/shown-time.js";
import type { BotContext, DialogContext } from "../../context.js";
import type { DeskMessages } from "../../i18n/index.js";
import type { EditorDesk } from "../desk.js";
import { escapeHtml } from "../formatters/desk-text.js";
import { NEW_AT_DATA, NEW_NEXT_SLOT, NEW_NOW, newAtData } from "../keyboards/callback-data.js";
import { momentsKeyboard, whenKeyboard } from "../keyboards/new-article.js";
import { exampleWhen, parseWhen } from "../parse-when.js";
import { nextInput } from "./dialog-input.js";

export type When =
  | { readonly kind: "next" }
  | { readonly kind: "now" }
  | { readonly kind: "at"; readonly at: number };

/**
 * The /new "when" step: Next slot, Now, or a typed date and time in TIMEZONE. A time the clocks
 * skip is refused with the nearest real minutes as buttons; one they show twice asks which
 * (each button names its UTC offset). The example in the prompt is always ahead of now.
 */
export async function askWhen(
  conversation: Conversation<BotContext, DialogContext>,
  ctx: DialogContext,
  desk: EditorDesk,
  d: DeskMessages,
): Promise<When> {
  const zone = desk.timezone;
  const example = exampleWhen(zone, await conversation.now());
  await ctx.reply(d.newStep4Html(escapeHtml(zone), example), {
    parse_mode: "HTML",
    reply_markup: whenKeyboard(d),
  });
  let offered: string[] = [];
  for (;;) {
    const answer = await nextInput(conversation, {
      ownCommand: "new",
      buttons: [NEW_NEXT_SLOT, NEW_NOW, ...offered],
    });
    if (answer.kind === "button") {
      await answer.ctx.answerCallbackQuery();
      if (answer.data === NEW_NOW) return { kind: "now" };
      if (answer.data === NEW_NEXT_SLOT) return { kind: "next" };
      const minutes = NEW_AT_DATA.exec(answer.data)?.[1];
      // An offered moment may have passed while the editor thought: check it again.
      const at = Number(minutes) * 60_000;
      if (at > (await conversation.now())) return { kind: "at", at };
      await answer.ctx.reply(d.whenProblem("past", example));
      continue;
    }
    if (answer.kind !== "text") continue;
    const parsed = parseWhen(answer.text, zone, await conversation.now());
    if (parsed.ok) return { kind: "at", at: parsed.at };
    const typed = escapeHtml(answer.text.trim());
    if (parsed.problem === "gap" || parsed.problem === "ambiguous") {
      const moments = parsed.problem === "gap" ? parsed.nearest : parsed.choices;
      const label = (at: number) =>
        parsed.problem === "gap"
          ? formatShownTime(at, zone, d.locale)
          : formatClockWithOffset(at, zone, d.locale);
      offered = moments.map(newAtData);
      const text =
        parsed.problem === "gap"
          ? d.gapHtml(
              typed,
              moments.map((at) => escapeHtml(label(at))),
            )
          : d.ambiguousHtml(typed);
      await answer.ctx.reply(text, {
        parse_mode: "HTML",
        reply_markup: momentsKeyboard(moments.map((at) => ({ at, label: label(at) }))),
      });
      continue;
    }
    await answer.ctx.reply(d.whenProblem(parsed.problem, example));
  }
}
