import type { Bot } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeBotApi, TEST_BOT_INFO, TEST_CHANNEL } from "../../src/sandbox/fake-bot-api.js";
import { refusal, startFakeAndBot } from "./harness.js";

let fake: FakeBotApi;
let bot: Bot;

beforeEach(async () => {
  ({ fake, bot } = await startFakeAndBot());
});
afterEach(() => fake.close());

describe("chats", () => {
  it("accepts an unknown user id as a private chat without set-up", async () => {
    const sent = await bot.api.sendMessage(777, "hello");
    expect(sent.chat).toMatchObject({ id: 777, type: "private" });
    expect(sent.from?.id).toBe(TEST_BOT_INFO.id);
    expect((await bot.api.getChat(777)).type).toBe("private");
  });

  it("posts to a channel set up by @username and answers for both its name and id", async () => {
    fake.setChat("@newsroom", { type: "channel", title: "Newsroom", id: -1001234567890 });
    const sent = await bot.api.sendMessage("@newsroom", "breaking");
    expect(sent.chat).toEqual({
      id: -1001234567890,
      type: "channel",
      title: "Newsroom",
      username: "newsroom",
    });
    expect(sent.sender_chat?.id).toBe(-1001234567890);
    expect(sent.from).toBeUndefined();
    expect(fake.messages("@newsroom")).toEqual(fake.messages(-1001234567890));
    expect(fake.messages("@NewsRoom")).toHaveLength(1);
    expect(await bot.api.getChat("@newsroom")).toMatchObject({
      id: -1001234567890,
      title: "Newsroom",
    });
  });

  it("answers 'chat not found' for an unknown @username", async () => {
    const send = await refusal(bot.api.sendMessage("@nowhere", "x"));
    expect(send.error_code).toBe(400);
    expect(send.description).toBe("Bad Request: chat not found");
    expect((await refusal(bot.api.getChat("@nowhere"))).description).toBe(
      "Bad Request: chat not found",
    );
  });

  it("refuses with 403 a channel the bot is not a member of", async () => {
    fake.setChat("@newsroom", { type: "channel", botIsMember: false });
    const error = await refusal(bot.api.sendMessage("@newsroom", "x"));
    expect(error.error_code).toBe(403);
    expect(error.description).toBe("Forbidden: bot is not a member of the channel chat");
    expect(fake.messages()).toEqual([]);
  });

  it("refuses with 403 a user who blocked the bot", async () => {
    fake.setChat(2002, { type: "private", botIsMember: false });
    const error = await refusal(bot.api.sendMessage(2002, "x"));
    expect(error.description).toBe("Forbidden: bot was blocked by the user");
  });

  it("reports the bot as an administrator who may post in its channel, and the listed editors", async () => {
    fake.setChat("@newsroom", { type: "channel", administrators: [1001] });
    const me = await bot.api.getChatMember("@newsroom", TEST_BOT_INFO.id);
    expect(me).toMatchObject({ status: "administrator", can_post_messages: true });
    expect((await bot.api.getChatMember("@newsroom", 1001)).status).toBe("administrator");
    expect((await bot.api.getChatMember("@newsroom", 2001)).status).toBe("member");
    const admins = await bot.api.getChatAdministrators("@newsroom");
    expect(admins.map((a) => a.user.id)).toEqual([TEST_BOT_INFO.id, 1001]);
  });

  it("accepts chat actions it knows", async () => {
    expect(await bot.api.sendChatAction(2001, "typing")).toBe(true);
    const error = await refusal(bot.api.sendChatAction(2001, "dancing" as "typing"));
    expect(error.description).toBe("Bad Request: wrong parameter action in request");
  });

  it("forgets everything on reset", async () => {
    fake.setChat("@newsroom", { type: "channel" });
    await bot.api.sendMessage("@newsroom", "x");
    fake.reset();
    expect(fake.calls).toEqual([]);
    expect(fake.messages()).toEqual([]);
    expect((await refusal(bot.api.sendMessage("@newsroom", "x"))).description).toBe(
      "Bad Request: chat not found",
    );
  });
});

describe("the test channel", () => {
  it("is known from the start and again after reset, with the bot as its administrator", async () => {
    const sent = await bot.api.sendMessage(`@${TEST_CHANNEL.username}`, "first post");
    expect(sent.chat).toMatchObject({ id: TEST_CHANNEL.id, type: "channel", title: "Newsroom" });
    fake.reset();
    await bot.api.sendMessage(TEST_CHANNEL.id, "after reset");
    expect(fake.messages(`@${TEST_CHANNEL.username}`).map((m) => m.text)).toEqual(["after reset"]);
    const me = await bot.api.getChatMember(TEST_CHANNEL.id, TEST_BOT_INFO.id);
    expect(me).toMatchObject({ status: "administrator", can_post_messages: true });
  });

  it("keeps its id when a test sets it up again by name", async () => {
    fake.setChat(`@${TEST_CHANNEL.username}`, { type: "channel", title: "Renamed" });
    const sent = await bot.api.sendMessage(TEST_CHANNEL.id, "x");
    expect(sent.chat).toMatchObject({ id: TEST_CHANNEL.id, title: "Renamed" });
  });
});
