import { Api } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installApiTransformers } from "../../src/bot/telegram/api-transformers.js";
import { sendingAs } from "../../src/delivery/send-priority.js";
import { createSendScheduler, type SendScheduler } from "../../src/delivery/send-scheduler.js";
import { type FakeBotApi, startFakeBotApi, TEST_TOKEN } from "../../src/sandbox/fake-bot-api.js";

const CHANNEL = "@newsroom_test";
const EDITOR = 111_111;
let fake: FakeBotApi;
afterEach(async () => {
  vi.useRealTimers();
  await fake?.close();
});

/**
 * An Api through the scheduler, to a fake Bot API that keeps Telegram's limits; both read
 * `now` when given (a fake clock), the real time otherwise.
 */
async function setup(now?: () => number): Promise<{ api: Api; scheduler: SendScheduler }> {
  fake = await startFakeBotApi(now ? { now } : {});
  const scheduler = createSendScheduler(now ? { now } : {});
  const api = new Api(TEST_TOKEN, { apiRoot: fake.apiRoot });
  installApiTransformers(api, {
    scheduler,
    routing: { channel: CHANNEL, editors: [EDITOR] },
    networkBackoffSeconds: 0.05,
  });
  return { api, scheduler };
}

/** vitest's fake clock, in ms (its timers are faked, Date is not). */
const fakeNow = () => vi.getMockedSystemTime()?.getTime() ?? Number.NaN;

/**
 * Awaits `work` while the scheduler waits on the fake clock: the HTTP round trips to the fake
 * take real time, and the clock jumps to the scheduler's next wake-up only once none is in flight.
 */
async function onFakeClock<T>(scheduler: SendScheduler, work: Promise<T>): Promise<T> {
  let settled = false;
  const result = work.finally(() => {
    settled = true;
  });
  while (!settled) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!settled && scheduler.stats().inFlight === 0) await vi.advanceTimersToNextTimerAsync();
  }
  return result;
}

const readers = (n: number, from = 5000) => Array.from({ length: n }, (_, i) => from + i);
const sentTo = () =>
  fake
    .callsTo("sendMessage")
    .filter((c) => c.ok)
    .map((c) => c.payload.chat_id);

describe("the send scheduler", () => {
  it("answers a burst of 75 readers within the overall limit, provoking no 429", async () => {
    // Only the scheduler's waits are faked; the sends still go over HTTP to the fake.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { api, scheduler } = await setup(fakeNow);
    const started = fakeNow();
    await onFakeClock(
      scheduler,
      Promise.all(readers(75).map((chat) => api.sendMessage(chat, `answer for ${chat}`))),
    );
    const took = fakeNow() - started;

    expect(fake.messages()).toHaveLength(75);
    expect(fake.calls.filter((c) => c.errorCode === 429)).toEqual([]);
    expect(scheduler.stats()).toMatchObject({ sent: 75, rateLimited: 0, waiting: 0 });
    // 75 at 30 a second cannot take less than two full windows, and needs no third.
    expect(took).toBeGreaterThanOrEqual(2000);
    expect(took).toBeLessThan(3000);
  });

  it("serves the channel first, then editors, then readers, then notices", async () => {
    const { api } = await setup();
    // 30 readers fill the first second; what comes after waits in line by priority.
    const burst = readers(40).map((chat) => api.sendMessage(chat, "answer"));
    const late = [
      sendingAs("notice", () => api.sendMessage(9001, "slow down")),
      api.sendMessage(9002, "a later reader"),
      api.sendMessage(EDITOR, "for the editor"),
      api.sendMessage(CHANNEL, "<b>Breaking</b>", { parse_mode: "HTML" }),
    ];
    await Promise.all([...burst, ...late]);

    const order = sentTo();
    const after = order.slice(30);
    expect(after.slice(0, 2)).toEqual([CHANNEL, EDITOR]);
    expect(after.at(-1)).toBe(9001);
    expect(after.indexOf(9002)).toBeGreaterThan(after.indexOf(5039));
  });

  it("keeps one chat's messages in order when the first must wait out a 429", async () => {
    const { api, scheduler } = await setup();
    fake.failNext("sendMessage", {
      errorCode: 429,
      description: "Too Many Requests: retry after 1",
      retryAfter: 1,
    });
    await Promise.all(["first", "second", "third"].map((text) => api.sendMessage(4242, text)));
    expect(fake.messages(4242).map((m) => m.text)).toEqual(["first", "second", "third"]);
    expect(scheduler.stats().rateLimited).toBe(1);
  });

  it("applies a 429's retry_after to the whole budget, not to the one request", async () => {
    const { api } = await setup();
    fake.failNext("sendMessage", {
      errorCode: 429,
      description: "Too Many Requests: retry after 1",
      retryAfter: 1,
    });
    const refusedAt = Date.now();
    await api.sendMessage(7001, "refused once");
    const others = await Promise.all(readers(3, 7100).map((chat) => api.sendMessage(chat, "x")));
    expect(others).toHaveLength(3);
    const okCalls = fake.callsTo("sendMessage").filter((c) => c.ok);
    // Nothing at all went out during the second Telegram asked for.
    for (const call of okCalls) expect(call.at - refusedAt).toBeGreaterThanOrEqual(950);
  });

  it("does not send a message again when its answer was lost", async () => {
    const { api } = await setup();
    fake.failNext("sendMessage", "accepted-then-closed");
    await expect(api.sendMessage(3003, "once")).rejects.toThrow(/Network request/);
    expect(fake.messages(3003).map((m) => m.text)).toEqual(["once"]);
    expect(fake.callsTo("sendMessage")).toHaveLength(1);
  });

  it("withdraws a send that is still waiting when its caller gives up", async () => {
    const { api } = await setup();
    const burst = readers(30).map((chat) => api.sendMessage(chat, "fill the second"));
    const giveUp = new AbortController();
    const withdrawn = api
      .sendMessage(6006, "never mind", {}, giveUp.signal as Parameters<Api["sendMessage"]>[3])
      .catch((e: unknown) => e);
    giveUp.abort();
    await Promise.all(burst);
    expect(await withdrawn).toBeInstanceOf(Error);
    expect(fake.messages(6006)).toEqual([]);
  });
});
