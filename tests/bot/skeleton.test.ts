import { describe, expect, it } from "vitest";
import { deskFor } from "../../src/bot/i18n/index.js";
import { startBotHarness } from "../support/bot-harness.js";
import {
  callbackQuery,
  EDITOR,
  privateMessage,
  READER,
  RUSSIAN_READER,
} from "../support/updates.js";
import { closedAfterEach } from "./harness-lifecycle.js";

const startHarness = closedAfterEach(startBotHarness);

describe("the bot's fallback", () => {
  it("points a reader who sends an unknown command to /help, in their language", async () => {
    const harness = await startHarness();
    await harness.send(privateMessage("/frobnicate", { from: READER }));
    await harness.send(privateMessage("/frobnicate", { from: RUSSIAN_READER }));
    expect(harness.fake.messages(READER.id).map((m) => m.text)).toEqual([
      "I don't know that command. /help lists what I can do.",
    ]);
    expect(harness.fake.messages(RUSSIAN_READER.id).map((m) => m.text)).toEqual([
      "Такой команды нет. /help — список команд.",
    ]);
  });

  it("answers a press on a button nobody handles, so the client stops spinning", async () => {
    const harness = await startHarness();
    await harness.send(callbackQuery("zz:unknown", { from: READER }));
    const answers = harness.fake.callsTo("answerCallbackQuery");
    expect(answers).toHaveLength(1);
    expect(answers[0]!.ok).toBe(true);
  });
});

describe("a bot without a channel", () => {
  const DESK_OFF = deskFor("en").deskOff;
  it("tells an editor why the desk is off instead of pretending not to know the command", async () => {
    const harness = await startHarness({ env: { CHANNEL_ID: "" } });
    await harness.send(privateMessage("/queue", { from: EDITOR }));
    await harness.send(privateMessage("/queue", { from: READER }));
    expect(harness.fake.messages(EDITOR.id).map((m) => m.text)).toEqual([DESK_OFF]);
    expect(harness.fake.messages(READER.id)[0]!.text).not.toBe(DESK_OFF);
  });
});
