/**
 * The one list of the editors' desk commands, in the order of the editors' command menu. The
 * gate (who may send them), the editors' /help and both languages' command menus are derived
 * from it, and tests/bot/editors/desk-commands.test.ts fails when a command the desk registers
 * is missing here, or one listed here is not answered.
 */
export const DESK_COMMANDS = [
  { command: "add", gated: true, menu: true, help: true },
  { command: "new", gated: true, menu: true, help: true },
  { command: "queue", gated: true, menu: true, help: true },
  { command: "postnow", gated: true, menu: true, help: true },
  { command: "clearqueue", gated: true, menu: true, help: true },
  // /pause's help line names /resume too.
  { command: "pause", gated: true, menu: true, help: true },
  { command: "resume", gated: true, menu: true, help: false },
  { command: "addfeed", gated: true, menu: true, help: true },
  { command: "feeds", gated: true, menu: true, help: true },
  { command: "feed", gated: true, menu: true, help: true },
  { command: "removefeed", gated: true, menu: true, help: true },
  { command: "stats", gated: true, menu: true, help: true },
  // Anyone may leave a dialog; only editors are ever in one, so outsiders are not refused.
  { command: "cancel", gated: false, menu: true, help: false },
  // Registered for everyone (src/bot/shared/language.ts); editors' /help names it too.
  { command: "language", gated: false, menu: false, help: true, everyone: true },
] as const satisfies readonly DeskCommandEntry[];

interface DeskCommandEntry {
  readonly command: string;
  /** Refused politely to anyone not in ADMIN_IDS (src/bot/desk/features/gate.ts). */
  readonly gated: boolean;
  /** In the editors' command menu (src/bot/commands-menu.ts). */
  readonly menu: boolean;
  /** A line of the editors' part of /help. */
  readonly help: boolean;
  /** Registered outside the desk, for readers and editors alike. */
  readonly everyone?: true;
}

type Entry = (typeof DESK_COMMANDS)[number];
export type DeskCommand = Entry["command"];
export type GatedDeskCommand = Extract<Entry, { gated: true }>["command"];
export type DeskMenuCommand = Extract<Entry, { menu: true }>["command"];
export type DeskHelpCommand = Extract<Entry, { help: true }>["command"];

const names = <C extends DeskCommand>(keep: (entry: Entry) => boolean) =>
  DESK_COMMANDS.filter(keep).map((entry) => entry.command) as C[];

/** The commands the gate refuses to outsiders. */
export const GATED_DESK_COMMANDS: readonly GatedDeskCommand[] = names((e) => e.gated);
/** The editors' command menu, in order. */
export const DESK_MENU_COMMANDS: readonly DeskMenuCommand[] = names((e) => e.menu);
/** The editors' /help lines, in order. */
export const DESK_HELP_COMMANDS: readonly DeskHelpCommand[] = names((e) => e.help);

/** A command the desk registers: only names in DESK_COMMANDS type-check. */
export const deskCommand = <C extends Exclude<DeskCommand, "language">>(command: C): C => command;
