import type { Bot } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeBotApi } from "../../src/sandbox/fake-bot-api.js";
import { refusal, startFakeAndBot } from "./harness.js";

const CHAT = 2001;
const keyboard = (data: string) => ({ inline_keyboard: [[{ text: "More", callback_data: data }]] });
const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a specified content and reply markup of the message";
let fake: FakeBotApi;
let bot: Bot;

beforeEach(async () => {
  ({ fake, bot } = await startFakeAndBot());
});
afterEach(() => fake.close());

describe("editing and deleting", () => {
  it("edits text in place and counts the edits", async () => {
    const sent = await bot.api.sendMessage(CHAT, "<b>Old</b>", { parse_mode: "HTML" });
    const edited = await bot.api.editMessageText(CHAT, sent.message_id, "<i>New</i>", {
      parse_mode: "HTML",
    });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "New" });
    expect(fake.messages(CHAT)).toEqual([
      expect.objectContaining({
        text: "New",
        entities: [{ type: "italic", offset: 0, length: 3 }],
        editCount: 1,
      }),
    ]);
  });

  it("refuses an edit that changes nothing", async () => {
    const sent = await bot.api.sendMessage(CHAT, "<b>Same</b>", {
      parse_mode: "HTML",
      reply_markup: keyboard("p:2"),
    });
    const error = await refusal(
      bot.api.editMessageText(CHAT, sent.message_id, "<strong>Same</strong>", {
        parse_mode: "HTML",
        reply_markup: keyboard("p:2"),
      }),
    );
    expect(error.description).toBe(NOT_MODIFIED);
    expect(fake.messages(CHAT)[0]!.editCount).toBe(0);
  });

  it("accepts the same text with a new keyboard, and drops the keyboard when an edit omits it", async () => {
    const sent = await bot.api.sendMessage(CHAT, "Page 1", { reply_markup: keyboard("p:2") });
    await bot.api.editMessageText(CHAT, sent.message_id, "Page 1", {
      reply_markup: keyboard("p:3"),
    });
    expect(fake.messages(CHAT)[0]!.replyMarkup).toEqual(keyboard("p:3"));
    await bot.api.editMessageText(CHAT, sent.message_id, "Page 1");
    expect(fake.messages(CHAT)[0]!.replyMarkup).toBeUndefined();
  });

  it("edits and checks keyboards alone", async () => {
    const sent = await bot.api.sendMessage(CHAT, "Queue", { reply_markup: keyboard("q:1") });
    await bot.api.editMessageReplyMarkup(CHAT, sent.message_id, { reply_markup: keyboard("q:2") });
    const error = await refusal(
      bot.api.editMessageReplyMarkup(CHAT, sent.message_id, { reply_markup: keyboard("q:2") }),
    );
    expect(error.description).toBe(NOT_MODIFIED);
    const bad = await refusal(
      bot.api.editMessageReplyMarkup(CHAT, sent.message_id, {
        reply_markup: keyboard("я".repeat(33)),
      }),
    );
    expect(bad.description).toBe("Bad Request: BUTTON_DATA_INVALID");
  });

  it("edits a photo's caption, and refuses text edits of a photo", async () => {
    const sent = await bot.api.sendPhoto(CHAT, "https://example.com/a.jpg", { caption: "before" });
    await bot.api.editMessageCaption(CHAT, sent.message_id, { caption: "after" });
    expect(fake.messages(CHAT)[0]).toMatchObject({ kind: "photo", text: "after", editCount: 1 });
    const error = await refusal(bot.api.editMessageText(CHAT, sent.message_id, "text"));
    expect(error.description).toBe("Bad Request: there is no text in the message to edit");
  });

  it("validates the new text like a new message", async () => {
    const sent = await bot.api.sendMessage(CHAT, "ok");
    const error = await refusal(
      bot.api.editMessageText(CHAT, sent.message_id, "<x>", { parse_mode: "HTML" }),
    );
    expect(error.description).toContain("can't parse entities");
    expect(fake.messages(CHAT)[0]!.text).toBe("ok");
  });

  it("refuses to edit a message that does not exist or was deleted", async () => {
    const missing = await refusal(bot.api.editMessageText(CHAT, 999, "x"));
    expect(missing.description).toBe("Bad Request: message to edit not found");
    const sent = await bot.api.sendMessage(CHAT, "soon gone");
    expect(await bot.api.deleteMessage(CHAT, sent.message_id)).toBe(true);
    expect(fake.messages(CHAT)[0]!.deleted).toBe(true);
    const deleted = await refusal(bot.api.editMessageText(CHAT, sent.message_id, "x"));
    expect(deleted.description).toBe("Bad Request: message to edit not found");
    const again = await refusal(bot.api.deleteMessage(CHAT, sent.message_id));
    expect(again.description).toBe("Bad Request: message to delete not found");
  });

  it("refuses a reply to a message that is not there", async () => {
    const error = await refusal(
      bot.api.sendMessage(CHAT, "re:", { reply_parameters: { message_id: 12345 } }),
    );
    expect(error.description).toBe("Bad Request: message to be replied not found");
    const sent = await bot.api.sendMessage(CHAT, "original");
    await bot.api.sendMessage(CHAT, "re:", { reply_parameters: { message_id: sent.message_id } });
  });
});
