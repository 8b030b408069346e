import { afterEach, describe, expect, it, vi } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { createHealthRoute } from "../../src/runtime/health-routes.js";
import type { Route } from "../../src/runtime/http-server.js";
import { receiveUpdates, type UpdateSource } from "../../src/runtime/receive-updates.js";
import { createTelegramStatus } from "../../src/runtime/telegram-status.js";
import { secretMatches } from "../../src/runtime/webhook-route.js";
import { type BotHarness, startBotHarness } from "../support/bot-harness.js";
import { privateMessage, READER } from "../support/updates.js";

const SECRET = "0123456789abcdef0123456789abcdef_webhook";
const URL_PUBLIC = "https://news.example.org/tg/updates";

let h: BotHarness | undefined;
let source: UpdateSource | undefined;
afterEach(async () => {
  await source?.stop();
  await h?.close();
  source = undefined;
  h = undefined;
});

async function startWebhook(answerWithinMs: number, extraRoutes: Route[] = []) {
  h = await startBotHarness();
  const status = createTelegramStatus({ logger: silentLogger() });
  source = await receiveUpdates({
    bot: h.bot,
    config: {
      webhook: { url: URL_PUBLIC, path: "/tg/updates", secret: SECRET, host: "127.0.0.1", port: 0 },
    },
    status,
    logger: silentLogger(),
    answerWithinMs,
    extraRoutes,
  });
  return { h, status, via: `http://127.0.0.1:${source.port}` };
}

/** The update ids the bot was handed, and a promise that settles once it is done with them all. */
function watchHandling(h: BotHarness) {
  const ids: number[] = [];
  const running: Promise<unknown>[] = [];
  const handleUpdate = h.bot.handleUpdate.bind(h.bot);
  h.bot.handleUpdate = (update, envelope) => {
    ids.push(update.update_id);
    const handling = handleUpdate(update, envelope);
    running.push(handling.catch(() => undefined));
    return handling;
  };
  return { ids, done: () => Promise.all(running) };
}

/** A Telegram that takes a reader's reply only when the test lets it (a slow Telegram). */
function holdSendsTo(h: BotHarness, chatId: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = 0;
  h.bot.api.config.use(async (prev, method, payload, signal) => {
    if (method === "sendMessage" && (payload as { chat_id?: unknown }).chat_id === chatId) {
      held++;
      await released;
    }
    return prev(method, payload, signal);
  });
  return { release, held: () => held };
}

describe("webhook mode", () => {
  it("answers Telegram in time while a slow update is still being handled, and handles a resent update once", async () => {
    const { h, status, via } = await startWebhook(300);
    const handling = watchHandling(h);
    const telegram = holdSendsTo(h, READER.id);
    const update = privateMessage("/help", { from: READER });

    // The reply to the reader is held: the answer can only come from the 300 ms bound.
    const first = await h.fake.deliverUpdate(update, via);
    expect(first.status).toBe(200);
    await vi.waitFor(() => expect(telegram.held()).toBe(1), { timeout: 10_000 });
    expect(h.fake.messages(READER.id)).toEqual([]);
    expect(status.snapshot().lastWebhookCallAt).not.toBeNull();

    // Telegram sending the same update again (as after a lost answer) changes nothing.
    expect((await h.fake.deliverUpdate(update, via)).status).toBe(200);
    expect(handling.ids).toEqual([update.update_id]);

    telegram.release();
    await handling.done();
    expect(h.fake.messages(READER.id)).toHaveLength(1);
    expect(telegram.held()).toBe(1);
  });

  it("refuses a call without the secret before reading it, and handles nothing", async () => {
    const { h, via } = await startWebhook(5000);
    const handling = watchHandling(h);
    const refused = privateMessage("/help", { from: READER });
    const res = await fetch(`${via}/tg/updates`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "nope" },
      body: JSON.stringify(refused),
    });
    expect(res.status).toBe(401);
    expect(handling.ids).toEqual([]);

    // An update with the secret, sent after it, is handled and answered: the refused one never was.
    const accepted = privateMessage("/help", { from: READER });
    expect((await h.fake.deliverUpdate(accepted, via)).status).toBe(200);
    await handling.done();
    expect(handling.ids).toEqual([accepted.update_id]);
    expect(h.fake.messages(READER.id)).toHaveLength(1);
  });

  it("registers the webhook with its URL, secret and update types", async () => {
    const { h } = await startWebhook(5000);
    expect(h.fake.webhook).toEqual({
      url: URL_PUBLIC,
      secretToken: SECRET,
      allowedUpdates: ["message", "callback_query", "inline_query"],
    });
  });
});

describe("health on the webhook's port", () => {
  it("serves /healthz and /readyz from the webhook server when they share host and port", async () => {
    const health = createHealthRoute({
      readiness: () => ({ ready: false, problems: ["the webhook is not set"] }),
      metrics: { render: async () => "newsroom_queue_length 0\n", contentType: "text/plain" },
    });
    const { via } = await startWebhook(5000, [health]);
    expect((await fetch(`${via}/healthz`)).status).toBe(200);
    const readyz = await fetch(`${via}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toEqual({ ready: false, problems: ["the webhook is not set"] });
    expect(await (await fetch(`${via}/metrics`)).text()).toBe("newsroom_queue_length 0\n");
    expect((await fetch(`${via}/metrics`, { method: "POST" })).status).toBe(405);
  });
});

describe("the secret check", () => {
  it("accepts only the exact secret, whatever the length of the guess", () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(undefined, SECRET)).toBe(false);
    expect(secretMatches("", SECRET)).toBe(false);
    expect(secretMatches(SECRET.slice(0, -1), SECRET)).toBe(false);
    expect(secretMatches(`${SECRET}x`, SECRET)).toBe(false);
  });
});
