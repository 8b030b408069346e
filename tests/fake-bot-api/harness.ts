import { Bot, GrammyError } from "grammy";
import {
  type FakeBotApi,
  type FakeBotApiOptions,
  startFakeBotApi,
  TEST_BOT_INFO,
  TEST_TOKEN,
} from "../../src/sandbox/fake-bot-api.js";

/** A fake Bot API and a grammY bot whose real HTTP client talks to it. */
export async function startFakeAndBot(
  options?: FakeBotApiOptions,
): Promise<{ fake: FakeBotApi; bot: Bot }> {
  const fake = await startFakeBotApi(options);
  const bot = new Bot(TEST_TOKEN, { botInfo: TEST_BOT_INFO, client: { apiRoot: fake.apiRoot } });
  return { fake, bot };
}

/** The GrammyError a call was refused with (fails the test when the call succeeded). */
export async function refusal(call: Promise<unknown>): Promise<GrammyError> {
  try {
    await call;
  } catch (e) {
    if (e instanceof GrammyError) return e;
    throw e;
  }
  throw new Error("expected Telegram to refuse the call, but it succeeded");
}
