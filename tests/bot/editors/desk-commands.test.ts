import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DESK_COMMANDS,
  DESK_HELP_COMMANDS,
  GATED_DESK_COMMANDS,
} from "../../../src/bot/desk/desk-commands.js";
import { messagesFor } from "../../../src/bot/i18n/index.js";
import { EDITOR, privateMessage, READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { startEditorHarness } from "./editor-harness.js";

const start = closedAfterEach(startEditorHarness);
const DESK = join(import.meta.dirname, "../../../src/bot/desk");
const SHARED = join(import.meta.dirname, "../../../src/bot/shared");

/** Every command name a folder's sources register with `.command(…)`. */
function registeredIn(folder: string): string[] {
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith(".ts"),
  );
  return files.flatMap((file) => {
    const source = readFileSync(join(folder, file), "utf8");
    return [...source.matchAll(/\.command\(\s*(?:deskCommand\()?"(\w+)"/g)].map((m) => m[1]!);
  });
}

describe("the one registry of desk commands", () => {
  it("holds exactly the commands the desk registers, and those registered for everyone", () => {
    const desk = new Set(registeredIn(DESK));
    const everyone = new Set(registeredIn(SHARED));
    for (const entry of DESK_COMMANDS) {
      const where = "everyone" in entry ? everyone : desk;
      expect(
        where.has(entry.command),
        `/${entry.command} is in the registry but not registered`,
      ).toBe(true);
    }
    const listed = new Set<string>(DESK_COMMANDS.map((e) => e.command));
    expect([...desk].filter((c) => !listed.has(c))).toEqual([]);
  });

  it("answers an editor's every registered command, and refuses every gated one to a reader", async () => {
    const h = await start();
    // The unhandled fallback's answer (src/bot/shared/unhandled.ts).
    const unknown = "I don't know that command. /help lists what I can do.";
    for (const { command } of DESK_COMMANDS) {
      const before = h.fake.messages(EDITOR.id).length;
      await h.send(privateMessage(`/${command}`, { from: EDITOR }));
      await h.send(privateMessage("/cancel", { from: EDITOR })); // leaves /new's dialog
      const replies = h.fake.messages(EDITOR.id).slice(before);
      expect(replies.length, `/${command} got no answer`).toBeGreaterThan(0);
      expect(replies[0]!.text, `/${command}`).not.toBe(unknown);
    }
    for (const command of GATED_DESK_COMMANDS) {
      await h.send(privateMessage(`/${command}`, { from: READER }));
      expect(h.fake.messages(READER.id).at(-1)!.text, `/${command}`).toBe(
        messagesFor("en").editorsOnly,
      );
    }
  });

  it("derives the editors' /help lines from it, in its order", async () => {
    const h = await start();
    await h.send(privateMessage("/help", { from: EDITOR }));
    const help = h.fake.messages(EDITOR.id).at(-1)!.text;
    const named = [...help.matchAll(/^• \/(\w+)/gm)].map((m) => m[1]);
    expect(named.slice(-DESK_HELP_COMMANDS.length)).toEqual([...DESK_HELP_COMMANDS]);
  });
});
