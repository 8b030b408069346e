import type { Bot } from "grammy";
import type { InlineQueryResult } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeBotApi } from "../../src/sandbox/fake-bot-api.js";
import { refusal, startFakeAndBot } from "./harness.js";

let fake: FakeBotApi;
let bot: Bot;

beforeEach(async () => {
  ({ fake, bot } = await startFakeAndBot());
});
afterEach(() => fake.close());

const article = (id: string, messageText = "<b>Story</b>"): InlineQueryResult => ({
  type: "article",
  id,
  title: `Story ${id}`,
  input_message_content: { message_text: messageText, parse_mode: "HTML" },
});

describe("answering callback and inline queries", () => {
  it("answers a callback query once, with at most 200 characters", async () => {
    expect(await bot.api.answerCallbackQuery("cbq-1", { text: "x".repeat(200) })).toBe(true);
    const twice = await refusal(bot.api.answerCallbackQuery("cbq-1"));
    expect(twice.description).toBe(
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );
    const long = await refusal(bot.api.answerCallbackQuery("cbq-2", { text: "x".repeat(201) }));
    expect(long.description).toBe("Bad Request: MESSAGE_TOO_LONG");
  });

  it("accepts 50 inline results and refuses 51", async () => {
    const results = Array.from({ length: 51 }, (_, n) => article(`a${n}`));
    await bot.api.answerInlineQuery("iq-1", results.slice(0, 50));
    const error = await refusal(bot.api.answerInlineQuery("iq-2", results));
    expect(error.description).toBe("Bad Request: RESULTS_TOO_MUCH");
  });

  it("refuses result ids that repeat or are not 1–64 bytes", async () => {
    const duplicate = await refusal(
      bot.api.answerInlineQuery("iq-1", [article("same"), article("same")]),
    );
    expect(duplicate.description).toBe("Bad Request: RESULT_ID_DUPLICATE");
    await bot.api.answerInlineQuery("iq-2", [article("ж".repeat(32))]);
    const long = await refusal(bot.api.answerInlineQuery("iq-3", [article("ж".repeat(33))]));
    expect(long.description).toBe("Bad Request: RESULT_ID_INVALID");
  });

  it("checks each result's message like a sent message", async () => {
    const bad = await refusal(bot.api.answerInlineQuery("iq-1", [article("1", "<h1>Title</h1>")]));
    expect(bad.description).toBe(
      `Bad Request: can't parse entities: Unsupported start tag "h1" at byte offset 0`,
    );
    const long = await refusal(bot.api.answerInlineQuery("iq-2", [article("1", "a".repeat(4097))]));
    expect(long.description).toBe("Bad Request: message is too long");
    const buttons = await refusal(
      bot.api.answerInlineQuery("iq-3", [
        {
          ...article("1"),
          reply_markup: { inline_keyboard: [[{ text: "x", callback_data: "я".repeat(33) }]] },
        },
      ]),
    );
    expect(buttons.description).toBe("Bad Request: BUTTON_DATA_INVALID");
  });
});

describe("bot commands", () => {
  it("stores commands per scope and language", async () => {
    await bot.api.setMyCommands([{ command: "latest", description: "Newest articles" }]);
    await bot.api.setMyCommands([{ command: "latest", description: "Свежие статьи" }], {
      language_code: "ru",
    });
    await bot.api.setMyCommands([{ command: "queue", description: "The queue" }], {
      scope: { type: "chat", chat_id: 1001 },
    });
    expect(await bot.api.getMyCommands()).toEqual([
      { command: "latest", description: "Newest articles" },
    ]);
    expect(fake.commands(undefined, "ru")).toEqual([
      { command: "latest", description: "Свежие статьи" },
    ]);
    expect(fake.commands({ type: "chat", chat_id: 1001 })).toEqual([
      { command: "queue", description: "The queue" },
    ]);
    await bot.api.deleteMyCommands({ scope: { type: "chat", chat_id: 1001 } });
    expect(await bot.api.getMyCommands({ scope: { type: "chat", chat_id: 1001 } })).toEqual([]);
  });

  it("refuses what Telegram refuses", async () => {
    const upper = await refusal(bot.api.setMyCommands([{ command: "Latest", description: "x" }]));
    expect(upper.description).toBe("Bad Request: BOT_COMMAND_INVALID");
    const longName = await refusal(
      bot.api.setMyCommands([{ command: "a".repeat(33), description: "x" }]),
    );
    expect(longName.description).toBe("Bad Request: BOT_COMMAND_INVALID");
    const empty = await refusal(bot.api.setMyCommands([{ command: "help", description: "" }]));
    expect(empty.description).toBe("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
    const wordy = await refusal(
      bot.api.setMyCommands([{ command: "help", description: "d".repeat(257) }]),
    );
    expect(wordy.description).toBe("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
    const many = Array.from({ length: 101 }, (_, n) => ({ command: `c${n}`, description: "x" }));
    expect((await refusal(bot.api.setMyCommands(many))).description).toBe(
      "Bad Request: BOT_COMMANDS_TOO_MUCH",
    );
    await bot.api.setMyCommands(many.slice(0, 100));
    expect(fake.commands()).toHaveLength(100);
  });
});
