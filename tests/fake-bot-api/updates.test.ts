import type { Bot } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeBotApi } from "../../src/sandbox/fake-bot-api.js";
import {
  callbackQuery,
  channelPost,
  EDITOR,
  forwardedMessage,
  inlineQuery,
  privateMessage,
  READER,
  RUSSIAN_READER,
} from "../support/updates.js";
import { startFakeAndBot } from "./harness.js";

let fake: FakeBotApi;
let bot: Bot;

beforeEach(async () => {
  ({ fake, bot } = await startFakeAndBot());
});
afterEach(() => fake.close());

describe("update builders", () => {
  it("numbers updates in increasing order", () => {
    const ids = [privateMessage("a"), callbackQuery("b"), inlineQuery("c"), channelPost("d")].map(
      (u) => u.update_id,
    );
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
  });

  it("makes commands that grammY routes, with the argument as ctx.match", async () => {
    const seen: string[] = [];
    bot.command("search", (ctx) => {
      seen.push(`${ctx.from?.language_code}:${ctx.match}`);
    });
    await bot.handleUpdate(privateMessage("/search climate policy", { from: RUSSIAN_READER }));
    await bot.handleUpdate(privateMessage("/search@newsroom_test_bot ok"));
    await bot.handleUpdate(privateMessage("search without slash"));
    expect(seen).toEqual(["ru:climate policy", "en:ok"]);
  });

  it("sends replies to the user's private chat through the fake", async () => {
    bot.on("message:text", (ctx) => ctx.reply(`You said: ${ctx.message.text}`));
    await bot.handleUpdate(privateMessage("hi", { from: EDITOR }));
    expect(fake.messages(EDITOR.id).map((m) => m.text)).toEqual(["You said: hi"]);
  });

  it("makes forwards that carry their origin and are not commands", async () => {
    const commands: string[] = [];
    bot.command("start", () => {
      commands.push("start");
    });
    const update = forwardedMessage("/start is just text here");
    await bot.handleUpdate(update);
    expect(commands).toEqual([]);
    expect(update.message?.forward_origin).toMatchObject({
      type: "channel",
      chat: { type: "channel" },
    });
    const fromUser = forwardedMessage("quote", { origin: { user: EDITOR } });
    expect(fromUser.message?.forward_origin).toMatchObject({
      type: "user",
      sender_user: { id: 1001 },
    });
  });

  it("makes button presses under a message the fake stored", async () => {
    const sent = await bot.api.sendMessage(READER.id, "Page 1", {
      reply_markup: { inline_keyboard: [[{ text: "Next", callback_data: "page:2" }]] },
    });
    bot.callbackQuery(/^page:(\d+)$/, async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(`Page ${ctx.match[1]}`);
    });
    const [stored] = fake.messages(READER.id);
    await bot.handleUpdate(callbackQuery("page:2", { message: stored! }));
    expect(sent.message_id).toBe(stored!.messageId);
    expect(fake.messages(READER.id)).toEqual([
      expect.objectContaining({ text: "Page 2", editCount: 1 }),
    ]);
    expect(fake.callsTo("answerCallbackQuery")).toHaveLength(1);
  });

  it("makes inline queries and channel posts grammY recognises", async () => {
    const seen: string[] = [];
    bot.on("inline_query", (ctx) => {
      seen.push(`inline:${ctx.inlineQuery.query}`);
    });
    bot.on("channel_post", (ctx) => {
      seen.push(`post:${ctx.chat.type}:${ctx.from === undefined}`);
    });
    await bot.handleUpdate(inlineQuery("elections"));
    await bot.handleUpdate(channelPost("news"));
    expect(seen).toEqual(["inline:elections", "post:channel:true"]);
  });

  it("has readers in English and Russian and an editor with id 1001", () => {
    expect([READER.language_code, RUSSIAN_READER.language_code, EDITOR.id]).toEqual([
      "en",
      "ru",
      1001,
    ]);
  });
});
