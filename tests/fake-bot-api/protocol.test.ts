import { Bot, GrammyError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeBotApi,
  startFakeBotApi,
  TEST_BOT_INFO,
  TEST_TOKEN,
} from "../../src/sandbox/fake-bot-api.js";

let fake: FakeBotApi;
let bot: Bot;

beforeEach(async () => {
  fake = await startFakeBotApi();
  bot = new Bot(TEST_TOKEN, { botInfo: TEST_BOT_INFO, client: { apiRoot: fake.apiRoot } });
});
afterEach(() => fake.close());

async function rawCall(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${fake.apiRoot}${path}`, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("the fake Bot API's protocol", () => {
  it("answers getMe with the test bot", async () => {
    const me = await bot.api.getMe();
    expect(me).toMatchObject({ id: 123456789, is_bot: true, username: "newsroom_test_bot" });
  });

  it("refuses a wrong token with 401 Unauthorized", async () => {
    const stranger = new Bot("42:wrong-token", {
      botInfo: TEST_BOT_INFO,
      client: { apiRoot: fake.apiRoot },
    });
    const error = await stranger.api.sendMessage(2001, "hi").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 401, description: "Unauthorized" });
    expect(fake.messages()).toEqual([]);
  });

  it("answers an unknown method with 404 Not Found, in Telegram's shape", async () => {
    const { status, body } = await rawCall(`/bot${TEST_TOKEN}/sendTelepathy`, { method: "POST" });
    expect(status).toBe(404);
    expect(body).toEqual({ ok: false, error_code: 404, description: "Not Found" });
  });

  it("treats method names case-insensitively, as Telegram does", async () => {
    const { status, body } = await rawCall(`/bot${TEST_TOKEN}/GETME`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, result: { id: TEST_BOT_INFO.id } });
  });

  it("reads parameters from a query string, a url-encoded form and JSON alike", async () => {
    await rawCall(`/bot${TEST_TOKEN}/sendMessage?chat_id=2001&text=one`);
    await rawCall(`/bot${TEST_TOKEN}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: "2001", text: "<b>two</b>", parse_mode: "HTML" }),
    });
    await rawCall(`/bot${TEST_TOKEN}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: 2001, text: "three" }),
    });
    expect(fake.messages(2001).map((m) => m.text)).toEqual(["one", "two", "three"]);
    expect(fake.messages(2001)[1]!.entities).toEqual([{ type: "bold", offset: 0, length: 3 }]);
  });

  it("accepts a multipart photo upload from grammY, with its caption and keyboard", async () => {
    const sent = await bot.api.sendPhoto(
      2001,
      new InputFile(Buffer.from("not really a jpeg"), "cover.jpg"),
      {
        caption: "<i>Cover</i>",
        parse_mode: "HTML",
        reply_markup: { inline_keyboard: [[{ text: "Open", callback_data: "open:1" }]] },
      },
    );
    expect(sent.photo?.[0]?.file_id).toBeTruthy();
    expect(sent.caption).toBe("Cover");
    expect(fake.messages(2001)).toEqual([
      expect.objectContaining({
        kind: "photo",
        photo: "upload:cover.jpg",
        text: "Cover",
        entities: [{ type: "italic", offset: 0, length: 5 }],
        replyMarkup: { inline_keyboard: [[{ text: "Open", callback_data: "open:1" }]] },
      }),
    ]);
  });

  it("records every call with its outcome", async () => {
    await bot.api.sendMessage(2001, "fine");
    await bot.api.sendMessage(2001, "").catch(() => undefined);
    expect(fake.callsTo("sendMessage").map((c) => [c.ok, c.errorCode, c.description])).toEqual([
      [true, undefined, undefined],
      [false, 400, "Bad Request: message text is empty"],
    ]);
    expect(fake.callsTo("sendMessage")[0]!.payload).toMatchObject({ chat_id: 2001, text: "fine" });
  });
});
