import type { Bot } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeBotApi } from "../../src/sandbox/fake-bot-api.js";
import { refusal, startFakeAndBot } from "./harness.js";

const CHAT = 2001;
let fake: FakeBotApi;
let bot: Bot;

beforeEach(async () => {
  ({ fake, bot } = await startFakeAndBot());
});
afterEach(() => fake.close());

describe("text and caption lengths, counted after parsing in UTF-16 units", () => {
  it("accepts 4096 characters and refuses 4097", async () => {
    await bot.api.sendMessage(CHAT, "a".repeat(4096));
    const error = await refusal(bot.api.sendMessage(CHAT, "a".repeat(4097)));
    expect(error.description).toBe("Bad Request: message is too long");
  });

  it("does not count markup, and counts an entity like &amp; as one character", async () => {
    await bot.api.sendMessage(CHAT, `<b>${"a".repeat(4090)}</b>&amp;&amp;&amp;&amp;&amp;&amp;`, {
      parse_mode: "HTML",
    });
    expect(fake.messages(CHAT)[0]!.text).toHaveLength(4096);
  });

  it("counts an emoji as two units", async () => {
    await bot.api.sendMessage(CHAT, "👋".repeat(2048));
    const error = await refusal(bot.api.sendMessage(CHAT, `${"👋".repeat(2048)}!`));
    expect(error.description).toBe("Bad Request: message is too long");
  });

  it("refuses a text that is empty once markup and blanks are gone", async () => {
    for (const text of ["", "   \n", "<b></b>"]) {
      const error = await refusal(bot.api.sendMessage(CHAT, text, { parse_mode: "HTML" }));
      expect(error.description).toBe("Bad Request: message text is empty");
    }
  });

  it("accepts a 1024-character caption and refuses 1025", async () => {
    const photo = "https://example.com/p.jpg";
    await bot.api.sendPhoto(CHAT, photo, {
      caption: `<i>${"я".repeat(1024)}</i>`,
      parse_mode: "HTML",
    });
    const error = await refusal(bot.api.sendPhoto(CHAT, photo, { caption: "я".repeat(1025) }));
    expect(error.description).toBe("Bad Request: message caption is too long");
    expect(fake.messages(CHAT)).toHaveLength(1);
  });

  it("accepts a photo without caption, by URL or file_id, but not another kind of link", async () => {
    await bot.api.sendPhoto(CHAT, "https://example.com/p.jpg");
    await bot.api.sendPhoto(CHAT, "AgACAgIAAxkBAAIBQ2Vfake");
    const error = await refusal(bot.api.sendPhoto(CHAT, "ftp://example.com/p.jpg"));
    expect(error.description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    expect(fake.messages(CHAT).map((m) => [m.kind, m.photo, m.text])).toEqual([
      ["photo", "https://example.com/p.jpg", ""],
      ["photo", "AgACAgIAAxkBAAIBQ2Vfake", ""],
    ]);
  });
});

describe("inline keyboards", () => {
  const withButton = (button: InlineKeyboardButton) =>
    bot.api.sendMessage(CHAT, "pick", { reply_markup: { inline_keyboard: [[button]] } });

  it("accepts callback_data of 64 bytes: 32 Cyrillic letters", async () => {
    const data = "я".repeat(32);
    await withButton({ text: "ok", callback_data: data });
    expect(fake.messages(CHAT)[0]!.replyMarkup).toEqual({
      inline_keyboard: [[{ text: "ok", callback_data: data }]],
    });
  });

  it("refuses callback_data of 65 bytes, or none", async () => {
    for (const data of [`${"я".repeat(32)}a`, ""]) {
      const error = await refusal(withButton({ text: "ok", callback_data: data }));
      expect(error.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    }
    expect(fake.messages()).toEqual([]);
  });

  it("refuses url buttons that are not http(s) or tg links", async () => {
    await withButton({ text: "channel", url: "tg://resolve?domain=newsroom" });
    await withButton({ text: "site", url: "https://example.com/a" });
    const error = await refusal(withButton({ text: "x", url: "javascript:alert(1)" }));
    expect(error.description).toBe("Bad Request: BUTTON_URL_INVALID");
  });

  it("refuses a button with no action, or with two", async () => {
    const none = await refusal(withButton({ text: "just text" } as InlineKeyboardButton));
    expect(none.description).toBe(
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
    const two = await refusal(
      withButton({
        text: "both",
        url: "https://example.com",
        callback_data: "x",
      } as InlineKeyboardButton),
    );
    expect(two.error_code).toBe(400);
    expect(two.description).toContain("exactly one action");
  });

  it("refuses more than 100 buttons", async () => {
    const rows = Array.from({ length: 11 }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => ({ text: `${r}.${c}`, callback_data: `b${r}.${c}` })),
    );
    const error = await refusal(
      bot.api.sendMessage(CHAT, "many", { reply_markup: { inline_keyboard: rows } }),
    );
    expect(error.description).toBe("Bad Request: BUTTONS_TOO_MUCH");
  });
});
