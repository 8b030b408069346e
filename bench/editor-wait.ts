/**
 * How long an editor waits while a "Post now" delivery is held up by Telegram.
 *
 * The bot (composed as in production, the channel's Api retrying: auto-retry's 3 s, 6 s,
 * 12 s… pauses after a 5xx) runs against the fake Bot API; the channel answers the first N
 * sends with 502. The editor sends /postnow and, right after it, /queue. Printed per N:
 * - "delivery": from /postnow to the outcome shown. Before issue 11 the /postnow handler awaited
 *   the delivery under the chat's ordering lock, so /queue was answered only after it: this is
 *   also what /queue waited then (the alternative);
 * - "Posting… shown" and "/queue answered": what the editor waits now.
 *
 * Run: npm run bench -- editor-wait   (about 30 s, most of it auto-retry's pauses)
 */
import { startEditorHarness } from "../tests/bot/editors/editor-harness.js";
import { EDITOR, privateMessage, TEST_CHANNEL } from "../tests/support/updates.js";

const CHANNEL = `@${TEST_CHANNEL.username}`;

async function measure(failures: number) {
  const h = await startEditorHarness();
  try {
    const { article } = h.deps.articles.store({
      title: "Bridge reopens after repairs",
      body: "The bridge reopens on Monday after six months of repairs, the city said.",
    });
    h.deps.queue!.enqueue(article.id);
    if (failures > 0)
      h.fake.failNext(
        "sendMessage",
        { errorCode: 502, description: "Bad Gateway" },
        failures,
        CHANNEL,
      );
    const started = performance.now();
    const postnow = h.send(privateMessage("/postnow", { from: EDITOR }));
    const queue = h.send(privateMessage("/queue", { from: EDITOR }));
    await postnow;
    const postingShown = performance.now() - started;
    await queue;
    const queueAnswered = performance.now() - started;
    await h.settle();
    const delivered = performance.now() - started;
    const outcome = h.fake.messages(EDITOR.id)[0]!.text;
    return { failures, postingShown, queueAnswered, delivered, outcome };
  } finally {
    await h.close();
  }
}

export async function run(): Promise<void> {
  const rows = [];
  for (const failures of [0, 1, 3]) rows.push(await measure(failures));
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  process.stdout.write(
    '5xx before success | delivery (= /queue wait before) | "Posting…" shown | /queue answered now | outcome\n',
  );
  for (const r of rows) {
    process.stdout.write(
      `${String(r.failures).padStart(18)} | ${s(r.delivered).padStart(31)} | ${s(r.postingShown).padStart(16)} | ${s(r.queueAnswered).padStart(19)} | ${r.outcome}\n`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
