import { afterEach, describe, expect, it } from "vitest";
import type { FakeBotApi, RecordedCall } from "../../src/sandbox/fake-bot-api.js";
import { TEST_CHANNEL } from "../../src/sandbox/fake-bot-api.js";
import { refusal, startFakeAndBot } from "./harness.js";

let fake: FakeBotApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("call listeners (what the sandbox's web view hears)", () => {
  it("hears each answered call with its result, and refusals without one, until unsubscribed", async () => {
    const started = await startFakeAndBot();
    fake = started.fake;
    const heard: Array<{ call: RecordedCall; result: unknown }> = [];
    const stop = fake.onCall((call, result) => heard.push({ call, result }));

    const sent = await started.bot.api.sendMessage(`@${TEST_CHANNEL.username}`, "<b>Hello</b>", {
      parse_mode: "HTML",
    });
    await refusal(
      started.bot.api.sendMessage(`@${TEST_CHANNEL.username}`, "<blink>no</blink>", {
        parse_mode: "HTML",
      }),
    );
    stop();
    await started.bot.api.sendMessage(`@${TEST_CHANNEL.username}`, "unheard");

    expect(heard).toHaveLength(2);
    expect(heard[0]!.call).toMatchObject({ method: "sendMessage", ok: true });
    expect(heard[0]!.result).toMatchObject({ message_id: sent.message_id, text: "Hello" });
    expect(heard[1]!.call).toMatchObject({ method: "sendMessage", ok: false, errorCode: 400 });
    expect(heard[1]!.call.description).toMatch(/can't parse entities/);
    expect(heard[1]!.result).toBeUndefined();
  });
});
