import type { Bot } from "grammy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FakeBotApi } from "../../src/sandbox/fake-bot-api.js";
import { privateMessage, READER } from "../support/updates.js";
import { refusal, startFakeAndBot } from "./harness.js";

let fake: FakeBotApi;
let bot: Bot;

beforeEach(async () => {
  ({ fake, bot } = await startFakeAndBot());
});
afterEach(() => fake.close());

describe("getUpdates and webhooks", () => {
  it("delivers a pushed update to a running bot.start() and hears its reply", async () => {
    bot.command("start", (ctx) => ctx.reply(`Welcome, ${ctx.from?.first_name}!`));
    const errors: unknown[] = [];
    bot.catch((e) => {
      errors.push(e);
    });
    const polling = bot.start({ timeout: 5 });
    await vi.waitFor(() => expect(fake.polling).toBe(true));

    fake.pushUpdate(privateMessage("/start", { from: READER }));
    await vi.waitFor(() =>
      expect(fake.messages(READER.id).map((m) => m.text)).toEqual(["Welcome, Alice!"]),
    );

    await bot.stop();
    await polling;
    expect(errors).toEqual([]);
  });

  it("confirms updates by offset and serves each once", async () => {
    const first = privateMessage("one");
    const second = privateMessage("two");
    fake.pushUpdate(first);
    fake.pushUpdate(second);
    const both = await bot.api.getUpdates({ timeout: 0 });
    expect(both.map((u) => u.message?.text)).toEqual(["one", "two"]);
    expect(await bot.api.getUpdates({ offset: first.update_id + 1, limit: 1 })).toEqual([second]);
    expect(await bot.api.getUpdates({ offset: second.update_id + 1 })).toEqual([]);
  });

  it("answers a long poll as soon as an update arrives", async () => {
    const poll = bot.api.getUpdates({ timeout: 30 });
    await vi.waitFor(() => expect(fake.polling).toBe(true));
    const update = privateMessage("late");
    fake.pushUpdate(update);
    expect(await poll).toEqual([update]);
  });

  it("refuses getUpdates while a webhook is set, and https-less webhooks", async () => {
    await bot.api.setWebhook("https://bot.example.com/hook", { secret_token: "s3cret_token" });
    expect(fake.webhookUrl).toBe("https://bot.example.com/hook");
    const conflict = await refusal(bot.api.getUpdates());
    expect(conflict.error_code).toBe(409);
    expect(conflict.description).toBe(
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
    const insecure = await refusal(bot.api.setWebhook("http://bot.example.com/hook"));
    expect(insecure.description).toBe(
      "Bad Request: bad webhook: An HTTPS URL must be provided for webhook",
    );
    await bot.api.deleteWebhook();
    expect(await bot.api.getUpdates()).toEqual([]);
  });

  it("ends the older of two long polls with 409, as Telegram does", async () => {
    const older = refusal(bot.api.getUpdates({ timeout: 30 }));
    await vi.waitFor(() => expect(fake.polling).toBe(true));
    const newer = bot.api.getUpdates({ timeout: 30 });
    expect((await older).error_code).toBe(409);
    fake.pushUpdate(privateMessage("for the newer"));
    expect((await newer).map((u) => u.message?.text)).toEqual(["for the newer"]);
  });
});
