import type { Bot } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeBotApi, FakeBotApiOptions } from "../../src/sandbox/fake-bot-api.js";
import { refusal, startFakeAndBot } from "./harness.js";

let fake: FakeBotApi;
let bot: Bot;
let clock = 1_700_000_000_000;

async function start(options: FakeBotApiOptions = {}) {
  ({ fake, bot } = await startFakeAndBot({ now: () => clock, ...options }));
  fake.setChat("@newsroom", { type: "channel", title: "Newsroom", id: -1001234567890 });
}
afterEach(() => fake.close());

const post = (n: number) => bot.api.sendMessage("@newsroom", `post ${n}`);

describe("flood control (sliding windows on the fake's clock)", () => {
  it("refuses the 21st post to a channel within a minute with 429 and retry_after, then frees", async () => {
    await start();
    for (let n = 1; n <= 20; n++) await post(n);
    const error = await refusal(post(21));
    expect(error.error_code).toBe(429);
    expect(error.description).toBe("Too Many Requests: retry after 60");
    expect(error.parameters.retry_after).toBe(60);

    clock += 30_000;
    expect((await refusal(post(21))).parameters.retry_after).toBe(30);

    clock += 30_000;
    await post(21);
    expect(fake.messages("@newsroom")).toHaveLength(21);
    expect(fake.messages(-1001234567890).at(-1)!.text).toBe("post 21");
  });

  it("frees one slot at a time as the oldest post leaves the window", async () => {
    await start({ channelPostsPerMinute: 3 });
    await post(1);
    clock += 10_000;
    await post(2);
    await post(3);
    expect((await refusal(post(4))).parameters.retry_after).toBe(50);
    clock += 50_000;
    await post(4);
    expect((await refusal(post(5))).parameters.retry_after).toBe(10);
  });

  it("limits a group given by negative id without any set-up, but not private chats", async () => {
    await start({ channelPostsPerMinute: 2 });
    await bot.api.sendMessage(-4001, "a");
    await bot.api.sendMessage(-4001, "b");
    expect((await refusal(bot.api.sendMessage(-4001, "c"))).error_code).toBe(429);
    for (let n = 0; n < 5; n++) await bot.api.sendMessage(2001, `private ${n}`);
    expect(fake.messages(2001)).toHaveLength(5);
  });

  it("does not count edits or refused sends", async () => {
    await start({ channelPostsPerMinute: 2 });
    const first = await post(1);
    await refusal(bot.api.sendMessage("@newsroom", ""));
    await bot.api.editMessageText("@newsroom", first.message_id, "post 1, corrected");
    await post(2);
    expect((await refusal(post(3))).error_code).toBe(429);
  });

  it("refuses the 31st send within a second across all chats", async () => {
    await start();
    for (let chat = 1; chat <= 30; chat++) await bot.api.sendMessage(3000 + chat, "news");
    const error = await refusal(bot.api.sendMessage(3999, "one too many"));
    expect(error.error_code).toBe(429);
    expect(error.parameters.retry_after).toBe(1);
    clock += 1000;
    await bot.api.sendMessage(3999, "fine now");
  });

  it("gives the configured retry_after when one is set", async () => {
    await start({ channelPostsPerMinute: 1, retryAfterSeconds: 7 });
    await post(1);
    const error = await refusal(post(2));
    expect(error.description).toBe("Too Many Requests: retry after 7");
    expect(error.parameters.retry_after).toBe(7);
  });

  it("counts photos like messages", async () => {
    await start({ channelPostsPerMinute: 1 });
    await bot.api.sendPhoto("@newsroom", "https://example.com/a.jpg", { caption: "a" });
    expect((await refusal(post(2))).error_code).toBe(429);
  });
});
