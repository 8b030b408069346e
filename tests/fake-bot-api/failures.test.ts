import { Api, type Bot, HttpError } from "grammy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type FakeBotApi, TEST_TOKEN } from "../../src/sandbox/fake-bot-api.js";
import { refusal, startFakeAndBot } from "./harness.js";

const CHAT = 2001;
/** grammY types its signal with the abort-controller package; the built-in one works the same. */
type GrammySignal = Parameters<Bot["api"]["sendMessage"]>[3];
let fake: FakeBotApi;
let bot: Bot;

beforeEach(async () => {
  ({ fake, bot } = await startFakeAndBot());
});
afterEach(() => fake.close());

describe("failNext", () => {
  it("drops the connection for a network failure, then answers again", async () => {
    fake.failNext("sendMessage", "network");
    const error = await bot.api.sendMessage(CHAT, "first try").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    await bot.api.sendMessage(CHAT, "second try");
    expect(fake.messages(CHAT).map((m) => m.text)).toEqual(["second try"]);
  });

  it("answers with a 5xx in Telegram's shape, for as many calls as asked", async () => {
    fake.failNext("sendMessage", { errorCode: 502, description: "Bad Gateway" }, 2);
    for (let n = 0; n < 2; n++) {
      const error = await refusal(bot.api.sendMessage(CHAT, "try"));
      expect(error.error_code).toBe(502);
      expect(error.description).toBe("Bad Gateway");
    }
    await bot.api.sendMessage(CHAT, "try");
    expect(fake.messages(CHAT)).toHaveLength(1);
    expect(fake.callsTo("sendMessage").map((c) => c.ok)).toEqual([false, false, true]);
  });

  it("gives a planned 429 its retry_after", async () => {
    fake.failNext("sendPhoto", {
      errorCode: 429,
      description: "Too Many Requests: retry after 5",
      retryAfter: 5,
    });
    const error = await refusal(bot.api.sendPhoto(CHAT, "https://example.com/a.jpg"));
    expect(error.error_code).toBe(429);
    expect(error.parameters.retry_after).toBe(5);
  });

  it("fails only the method named (case-insensitively)", async () => {
    fake.failNext("SENDMESSAGE", { errorCode: 500, description: "Internal Server Error" });
    await bot.api.sendChatAction(CHAT, "typing");
    expect((await refusal(bot.api.sendMessage(CHAT, "x"))).error_code).toBe(500);
  });

  it("never answers a timed-out call; the client gives up on its own", async () => {
    fake.failNext("sendMessage", "timeout");
    const giveUp = new AbortController();
    const pending = bot.api
      .sendMessage(CHAT, "lost in the network", {}, giveUp.signal as GrammySignal)
      .catch((e: unknown) => e);
    await vi.waitFor(() => expect(fake.callsTo("sendMessage")).toHaveLength(1));
    giveUp.abort();
    expect(await pending).toBeInstanceOf(HttpError);
    expect(fake.messages(CHAT)).toEqual([]);
  });

  it.each(["accepted-then-closed", "accepted-invalid-json", "accepted-cut"] as const)(
    "with %s, carries the send out but the client never learns it",
    async (failure) => {
      fake.failNext("sendMessage", failure);
      // A cut answer is never noticed by the client (node-fetch waits for the rest): only its
      // own timeout ends the wait.
      const api = new Api(TEST_TOKEN, { apiRoot: fake.apiRoot, timeoutSeconds: 2 });
      const error = await api.sendMessage(CHAT, "did it arrive?").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpError);
      expect(fake.messages(CHAT).map((m) => m.text)).toEqual(["did it arrive?"]);
      expect(fake.callsTo("sendMessage")).toMatchObject([
        { ok: true, description: `fake: ${failure}` },
      ]);
    },
  );

  it("with accepted-held, stores the message and holds the answer until the client gives up", async () => {
    fake.failNext("sendMessage", "accepted-held");
    const giveUp = new AbortController();
    const pending = bot.api
      .sendMessage(CHAT, "held", {}, giveUp.signal as GrammySignal)
      .catch((e: unknown) => e);
    await vi.waitFor(() => expect(fake.messages(CHAT)).toHaveLength(1));
    giveUp.abort();
    expect(await pending).toBeInstanceOf(HttpError);
  });

  it("closes even while a timed-out call is held", async () => {
    fake.failNext("getMe", "timeout");
    const pending = bot.api.getMe().catch((e: unknown) => e);
    await vi.waitFor(() => expect(fake.callsTo("getMe")).toHaveLength(1));
    await fake.close();
    expect(await pending).toBeInstanceOf(HttpError);
  });
});
