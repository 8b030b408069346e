import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rss } from "../../feeds/identity-feeds.js";
import {
  type LocalFeedServer,
  serve,
  startLocalFeedServer,
} from "../../feeds/local-feed-server.js";
import type { BotHarness } from "../../support/bot-harness.js";
import { callbackQuery, EDITOR, privateMessage } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { button } from "../readers/reader-support.js";
import { articleText, CHANNEL, startEditorHarness } from "./editor-harness.js";

const start = closedAfterEach(() => startEditorHarness({ env: { ALLOW_PRIVATE_FEEDS: "true" } }));
const say = (h: BotHarness, text: string) => h.send(privateMessage(text, { from: EDITOR }));
const last = (h: BotHarness) => h.fake.messages(EDITOR.id).at(-1)!;
const press = (h: BotHarness, data: string, messageId: number) =>
  h.send(callbackQuery(data, { from: EDITOR, message: { chatId: EDITOR.id, messageId } }));
const channelHeadlines = (h: BotHarness) =>
  h.fake.messages(CHANNEL).map((m) => m.text.split("\n")[0]);
const TOMORROW = Date.now() + 86_400_000;

let feedServer: LocalFeedServer;
beforeAll(async () => {
  const now = new Date().toUTCString();
  feedServer = await startLocalFeedServer({
    "/odd.xml": serve(
      rss("Odd wire", [
        { title: "A normal story", text: "It has a normal text.", guid: "odd-1", date: now },
        { title: "y".repeat(600), text: "The headline is far too long.", guid: "odd-2", date: now },
      ]),
    ),
    "/wire.xml": serve(
      rss(
        "Wire",
        [1, 2, 3].map((i) => ({
          title: `Wire story ${i}`,
          text: `Wire story number ${i}, a full sentence of news.`,
          guid: `wire-${i}`,
          link: `https://wire.example/${i}`,
          date: now,
        })),
      ),
    ),
  });
});
afterAll(() => feedServer.close());

/** Two items: one scheduled for tomorrow (first in the queue), one due now. */
function scheduledThenDue(h: BotHarness) {
  const queue = h.deps.queue!;
  const store = (title: string) =>
    h.deps.articles.store({ title, body: `${title}: the full text.`, visibility: "private" })
      .article.id;
  const later = queue.enqueue(store("Embargoed budget"), { notBefore: TOMORROW }).item;
  const due = queue.enqueue(store("Ferry news")).item;
  return { later, due };
}

describe("/postnow posts what is due", () => {
  it("takes the first due item, not the one scheduled for tomorrow", async () => {
    const h = await start();
    scheduledThenDue(h);
    await say(h, "/postnow");
    await h.settle();
    expect(channelHeadlines(h)).toEqual(["Ferry news"]);
    await say(h, "/postnow");
    await h.settle();
    expect(last(h).text).toMatch(
      /^⚠️ Nothing posted: nothing is due yet: the next item is scheduled for \d{1,2}:\d{2} \d{2}\.\d{2}\.\d{4}/,
    );
    expect(channelHeadlines(h)).toEqual(["Ferry news"]);
  });

  it("asks before posting a scheduled item early, saying when it was planned", async () => {
    const h = await start();
    const { later } = scheduledThenDue(h);
    await say(h, `/postnow ${later.id}`);
    const question = last(h);
    expect(question.text).toMatch(
      new RegExp(
        `^⏰ Item #${later.id} is scheduled for \\d{1,2}:\\d{2} \\d{2}\\.\\d{2}\\.\\d{4}\\. Post it now, before its time\\?$`,
      ),
    );
    expect(channelHeadlines(h)).toEqual([]);
    await press(h, button(question, "Keep as scheduled").data, question.messageId);
    expect(h.deps.queue!.get(later.id)?.state).toBe("queued");
    await press(h, button(question, "Post now anyway").data, question.messageId);
    await h.settle();
    expect(channelHeadlines(h)).toEqual(["Embargoed budget"]);
    expect(h.deps.queue!.get(later.id)?.state).toBe("posted");
  });

  it("asks the same from the /queue Post now button", async () => {
    const h = await start();
    const { later } = scheduledThenDue(h);
    await say(h, "/queue");
    const list = last(h);
    await press(h, `q:p:${later.id}:0`, list.messageId);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toBe(
      "Scheduled for later: confirm below.",
    );
    expect(last(h).text).toMatch(new RegExp(`^⏰ Item #${later.id} is scheduled for `));
    expect(channelHeadlines(h)).toEqual([]);
  });
});

describe("clearing one feed's items from the queue", () => {
  it("/queue → Remove all from this feed, confirmed, takes only that feed's items out", async () => {
    const h = await start();
    await say(h, `/addfeed ${feedServer.url("/wire.xml")} latest 3`);
    expect(last(h).text).toContain("3 new archived (readers see them now), 3 queued");
    await say(h, `/add ${articleText("Pasted harbour story")}`);
    await say(h, "/queue");
    const list = last(h);
    expect(list.text).toContain("feed #1");
    await press(h, button(list, "Remove all from feed #1").data, list.messageId);
    const question = last(h);
    expect(question.text).toBe(
      "🗑 Remove all 3 queued items of feed #1 (Wire)? The stories stay in the archive, not public.",
    );
    await press(h, button(question, "Yes, remove 3").data, question.messageId);
    expect(last(h).text).toBe(
      "🗑 Removed 3 queued items of feed #1 (Wire). Their stories stay in the archive, not public.",
    );
    expect(h.deps.queue!.list().map((i) => i.title)).toEqual(["Pasted harbour story"]);
    expect(h.deps.articles.newest(10).map((a) => a.title)).toEqual([]);
  });

  it("/clearqueue <feed ID> asks first, and No keeps everything", async () => {
    const h = await start();
    await say(h, `/addfeed ${feedServer.url("/wire.xml")} latest 2`);
    await say(h, "/clearqueue 1");
    const question = last(h);
    expect(question.text).toMatch(/^🗑 Remove all 2 queued items of feed #1 \(Wire\)\?/);
    await press(h, button(question, "No, keep them").data, question.messageId);
    expect(last(h).text).toBe("Kept the queued items of feed #1 (Wire).");
    expect(h.deps.queue!.list()).toHaveLength(2);
    await say(h, "/clearqueue 7");
    expect(last(h).text).toBe("Feed #7 has nothing in the queue.");
    await say(h, "/clearqueue wire");
    expect(last(h).text).toMatch(/^Usage: \/clearqueue 3/);
  });
});

describe("items a feed cannot store", () => {
  it("are counted with their reason in the /addfeed reply and in /feeds", async () => {
    const h = await start();
    await say(h, `/addfeed ${feedServer.url("/odd.xml")}`);
    expect(last(h).text).toContain(
      "⚠️ 1 item could not be stored: the headline is longer than 500 characters.",
    );
    await say(h, "/feeds");
    expect(last(h).text).toContain(
      "last fetch could not store 1 item: the headline is longer than 500 characters",
    );
  });
});
