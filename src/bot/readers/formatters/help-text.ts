import type { Piece } from "../../../publishing/telegram-html.js";
import { DESK_HELP_COMMANDS } from "../../desk/desk-commands.js";
import type { DeskMessages, Messages } from "../../i18n/index.js";

/** The command list: each command's example (tappable in Telegram) and what it does. */
function commandList(m: Messages, botUsername: string | undefined): Piece[] {
  const pieces: Piece[] = [{ text: m.commandsTitle, style: "b" }];
  for (const c of m.commands) pieces.push({ text: `\n• ${c.example} — ${c.what}` });
  if (botUsername) pieces.push({ text: `\n\n${m.inlineHint(botUsername)}` });
  return pieces;
}

/** /start: who the bot is, what it does, and the commands with an example each. */
export function welcomeMessage(m: Messages, botUsername: string | undefined): Piece[] {
  return [
    { text: m.welcomeTitle, style: "b" },
    { text: `\n${m.welcomeIntro}\n\n` },
    ...commandList(m, botUsername),
  ];
}

/** /help: the commands with an example each. */
export function helpMessage(m: Messages, botUsername: string | undefined): Piece[] {
  return [
    { text: m.helpTitle, style: "b" },
    { text: `\n${m.welcomeIntro}\n\n` },
    ...commandList(m, botUsername),
  ];
}

/** The editors' part of /help: the desk's commands with an example each. */
export function deskHelpPieces(d: DeskMessages): Piece[] {
  const pieces: Piece[] = [{ text: "\n\n" }, { text: d.deskHelpTitle, style: "b" }];
  for (const command of DESK_HELP_COMMANDS) {
    const c = d.deskHelp[command];
    pieces.push({ text: `\n• ${c.example} — ${c.what}` });
  }
  return pieces;
}
