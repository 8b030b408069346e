import type { BotDeps } from "../../../src/bot/deps.js";
import type { Db } from "../../../src/db/connection.js";
import { type BotHarness, startBotHarness } from "../../support/bot-harness.js";
import { TEST_CHANNEL } from "../../support/updates.js";

export const CHANNEL = `@${TEST_CHANNEL.username}`;

/**
 * The bot with the whole editors' desk as production composes it (the queue, the publisher
 * posting through the send scheduler to the fake Bot API, feeds read in the worker, the paste
 * store), with the fake channel set up (pass `db` to simulate a restart).
 */
export async function startEditorHarness(
  options: {
    env?: Record<string, string>;
    db?: Db;
    /** More dependencies (e.g. telegramStatus). */
    extra?: Partial<BotDeps>;
  } = {},
): Promise<BotHarness> {
  const harness = await startBotHarness({
    ...options,
    ...(options.extra ? { deps: () => options.extra! } : {}),
  });
  harness.fake.setChat(CHANNEL, {
    type: "channel",
    id: TEST_CHANNEL.id,
    title: TEST_CHANNEL.title,
    username: TEST_CHANNEL.username,
  });
  return harness;
}

/** Rows of a table, for "nothing changed" checks. */
export function snapshot(db: Db): Record<string, unknown[]> {
  const tables = ["articles", "publish_queue", "feeds", "settings"];
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]),
  );
}

/** A seed-shaped article text. */
export function articleText(headline: string, paragraphs = 2): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `Paragraph ${i + 1} of the story about ${headline.toLowerCase()}, with enough words to be real text.`,
  );
  return [
    headline,
    "9:58 23.02.2023 •",
    "",
    ...body.flatMap((p) => [p, ""]),
    "read more in our Telegram-channel",
  ].join("\n");
}
