import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, DialogContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";

/** What an editor answered at one step of a dialog. */
export type DialogInput =
  | { readonly kind: "text"; readonly text: string; readonly ctx: DialogContext }
  | { readonly kind: "skip"; readonly ctx: DialogContext }
  | { readonly kind: "button"; readonly data: string; readonly ctx: DialogContext };

const COMMAND = /^\/([A-Za-z0-9_]+)(?:@\w+)?(?:\s|$)/;

/** The command a message text starts with, lower-case, or undefined. */
export function commandOf(text: string): string | undefined {
  return COMMAND.exec(text)?.[1]?.toLowerCase();
}

export interface InputOptions {
  /** Button data this step accepts; other button presses go on to the rest of the bot. */
  readonly buttons?: readonly string[];
  /** Whether `/skip` is an answer here. */
  readonly skippable?: boolean;
  /** The command that started this dialog: sent again, it is answered instead of restarting. */
  readonly ownCommand: string;
}

/**
 * Waits for the editor's next answer. `/cancel` leaves the dialog at any step; other commands
 * (e.g. /queue) and unrelated buttons are handled by the rest of the bot while the dialog
 * keeps waiting at the same step.
 */
export async function nextInput(
  conversation: Conversation<BotContext, DialogContext>,
  options: InputOptions,
): Promise<DialogInput> {
  for (;;) {
    const ctx = await conversation.wait();
    const data = ctx.callbackQuery?.data;
    if (data !== undefined) {
      if (options.buttons?.includes(data)) return { kind: "button", data, ctx };
      await conversation.skip({ next: true });
    }
    const message = ctx.message;
    if (!message) await conversation.skip({ next: true });
    const text = message?.text ?? message?.caption;
    if (text === undefined) {
      await ctx.reply(deskFor(ctx.locale).answerWithText);
      continue;
    }
    const command = commandOf(text);
    if (command === "cancel") {
      await ctx.reply(deskFor(ctx.locale).cancelled);
      await conversation.halt();
    }
    if (command === "skip" && options.skippable) return { kind: "skip", ctx };
    if (command === options.ownCommand) {
      await ctx.reply(deskFor(ctx.locale).inTheMiddle);
      continue;
    }
    if (command !== undefined) await conversation.skip({ next: true });
    return { kind: "text", text, ctx };
  }
}
