import { describe, expect, it } from "vitest";
import { startBotHarness } from "../../support/bot-harness.js";
import { callbackQuery, READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";

const startHarness = closedAfterEach(startBotHarness);
const GROUP_ID = -4_000_123;

describe("a button nobody handles", () => {
  it.each([
    ["a private chat", READER.id],
    ["a group", GROUP_ID],
  ])("is answered in %s, so the reader's client stops spinning", async (_where, chatId) => {
    const harness = await startHarness();
    await harness.send(
      callbackQuery("zz:unknown", { from: READER, message: { chatId, messageId: 5 } }),
    );
    const answers = harness.fake.callsTo("answerCallbackQuery");
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      ok: true,
      payload: { text: "This button is no longer active." },
    });
  });
});
