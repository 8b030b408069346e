import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FeedService } from "../../../src/feeds/feed-service.js";
import { readOpml } from "../../../src/feeds/opml.js";
import { type LocalFeedServer, startLocalFeedServer } from "../../feeds/local-feed-server.js";
import type { BotHarness } from "../../support/bot-harness.js";
import {
  callbackQuery,
  documentMessage,
  EDITOR,
  privateMessage,
  READER,
} from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { snapshot, startEditorHarness } from "./editor-harness.js";

const start = closedAfterEach(startEditorHarness);
const RUSSIAN_EDITOR = { ...EDITOR, language_code: "ru" };

function rss(title: string, items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>
<link>https://city.example/</link>${items
    .map(
      (t, i) => `<item><title>${t}</title><link>https://city.example/${encodeURIComponent(t)}</link>
<guid>${t}</guid><description>${t}: the story told in one full sentence.</description>
<pubDate>${new Date(Date.now() - (10 - i) * 60_000).toUTCString()}</pubDate></item>`,
    )
    .join("")}</channel></rss>`;
}

let server: LocalFeedServer;
let cityItems: string[] = ["Opening day"];
let flakyBroken = false;
beforeAll(async () => {
  server = await startLocalFeedServer({
    "/city.xml": (_req, res) =>
      res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(rss("City Desk", cityItems)),
    "/sport.xml": (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("Sport", ["Match"])),
    "/flaky.xml": (_req, res) =>
      flakyBroken
        ? res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><p>oops</p>")
        : res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("Flaky", ["One"])),
    "/page.html": (_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<html><body>no feed</body></html>"),
  });
});
afterAll(() => server.close());

const env = { ALLOW_PRIVATE_FEEDS: "true" };
const say = (h: BotHarness, text: string, from = EDITOR) => h.send(privateMessage(text, { from }));
const last = (h: BotHarness) => h.fake.messages(EDITOR.id).at(-1)!;
const buttons = (h: BotHarness) =>
  (
    (last(h).replyMarkup as { inline_keyboard?: { text: string; callback_data: string }[][] })
      ?.inline_keyboard ?? []
  ).flat();
const press = (h: BotHarness, data: string, from = EDITOR) =>
  h.send(
    callbackQuery(data, { from, message: { chatId: EDITOR.id, messageId: last(h).messageId } }),
  );
const queuedTitles = (h: BotHarness) =>
  h.db
    .prepare(
      "SELECT a.title FROM publish_queue q JOIN articles a ON a.id = q.article_id WHERE q.state = 'queued' ORDER BY q.position",
    )
    .pluck()
    .all();

describe("/feed <ID>: a feed's card", () => {
  it("sets include and exclude words, store-only and pause from buttons; /feeds shows them; the next fetch applies them", async () => {
    cityItems = ["Opening day"];
    const h = await start({ env });
    await say(h, `/addfeed ${server.url("/city.xml")}`);
    await say(h, "/feed 1");
    expect(last(h).text).toContain("Feed #1 City Desk");
    expect(last(h).text).toContain("Include words: any (no include words)");
    expect(buttons(h).map((b) => b.callback_data)).toEqual([
      "e:f:s:1",
      "e:f:p:1",
      "e:f:i:1",
      "e:f:x:1",
      "e:f:r:1",
    ]);

    await press(h, "e:f:i:1");
    expect(last(h).text).toMatch(/^Send the include words for feed #1/);
    await say(h, "election, council*");
    expect(last(h).text).toMatch(
      /^Saved\. Include words: election, council\*\. They apply from the next fetch\./,
    );
    expect(last(h).text).toContain("Include words: election, council*");
    await press(h, "e:f:x:1");
    await say(h, "advertisement");
    expect(last(h).text).toContain("Exclude words: advertisement");

    await say(h, "/feeds");
    expect(last(h).text).toContain("only with: election, council* · never with: advertisement");

    cityItems = [
      "Opening day",
      "Election night",
      "Councillors meet",
      "Election advertisement",
      "Weather",
    ];
    // The editor harness wires the whole feed service; the bot itself only sees part of it.
    await (h.deps.feeds as FeedService).pollAll();
    // "Opening day" was archived when the feed was added; of the new items, the rules queue two.
    expect(queuedTitles(h)).toEqual(["Election night", "Councillors meet"]);
    expect(h.deps.articles.count()).toBe(5);
  });

  it("turns store-only and polling on and off in place, and removes after a confirmation", async () => {
    cityItems = ["Opening day"];
    const h = await start({ env });
    await say(h, `/addfeed ${server.url("/city.xml")}`);
    await say(h, "/feed 1");
    const card = last(h).messageId;
    await press(h, "e:f:s:1");
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toBe(
      "Store-only on: new items are archived, not queued.",
    );
    await press(h, "e:f:p:1");
    expect(last(h).messageId).toBe(card);
    expect(last(h).text).toContain("Polling: ⏸ paused");
    expect(last(h).text).toContain("Store-only: on");
    expect(
      buttons(h)
        .map((b) => b.text)
        .slice(0, 2),
    ).toEqual(["Store-only: on → off", "▶️ Resume polling"]);
    expect(h.deps.feeds!.findFeed(1)).toMatchObject({ storeOnly: true, paused: true });

    await press(h, "e:f:r:1");
    expect(last(h).text).toMatch(/^Remove feed #1 /);
    await press(h, "e:f:rk:1");
    expect(last(h).text).toContain("Feed #1 City Desk");
    await press(h, "e:f:r:1");
    await press(h, "e:f:rc:1");
    expect(last(h).text).toMatch(/^🗑 Feed #1 .* removed\./);
    expect(h.deps.feeds!.listFeeds()).toEqual([]);
  });

  it("answers a bad or unknown ID, a forged button, and in Russian for a Russian editor", async () => {
    const h = await start({ env });
    await say(h, "/feed");
    expect(last(h).text).toMatch(/^Usage: \/feed 3/);
    await say(h, "/feed 7");
    expect(last(h).text).toBe("There is no feed #7. /feeds lists them.");
    await say(h, "/feed 7", RUSSIAN_EDITOR);
    expect(last(h).text).toBe("Ленты №7 нет. /feeds — список лент.");
    await h.send(callbackQuery("e:f:zz:1", { from: EDITOR }));
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toBe(
      "This button is not valid.",
    );
    await say(h, `/addfeed ${server.url("/sport.xml")}`);
    await say(h, "/feed 1", RUSSIAN_EDITOR);
    expect(last(h).text).toContain("Лента №1 Sport");
    expect(last(h).text).toContain("1 статья");
    expect(buttons(h).map((b) => b.text)).toContain("🗑 Удалить ленту");
  });

  it("shows a failing feed's last error in the editor's language in /feeds, the card and /stats", async () => {
    flakyBroken = false;
    const h = await start({ env });
    await say(h, `/addfeed ${server.url("/flaky.xml")}`);
    flakyBroken = true;
    await (h.deps.feeds as FeedService).pollAll();
    await say(h, "/feeds", RUSSIAN_EDITOR);
    expect(last(h).text).toContain("ошибки (1 раз подряд)");
    expect(last(h).text).toContain("последняя ошибка: это HTML-страница, а не лента");
    await say(h, "/feed 1", RUSSIAN_EDITOR);
    expect(last(h).text).toContain("Последняя ошибка: это HTML-страница, а не лента");
    await say(h, "/stats", RUSSIAN_EDITOR);
    expect(last(h).text).toContain("#1 Flaky: это HTML-страница, а не лента");
    await say(h, "/feeds");
    expect(last(h).text).toContain("last error: this is an HTML page, not a feed");
  });

  it("refuses readers: the command, the buttons, and changes nothing", async () => {
    const h = await start({ env });
    await say(h, `/addfeed ${server.url("/sport.xml")}`);
    const before = snapshot(h.db);
    await say(h, "/feed 1", READER);
    await h.send(callbackQuery("e:f:p:1", { from: READER }));
    await h.send(callbackQuery("e:f:rc:1", { from: READER }));
    expect(h.fake.messages(READER.id).map((m) => m.text)).toEqual([
      "Sorry, this command is only for the newsroom's editors. /help lists what you can do.",
    ]);
    expect(snapshot(h.db)).toEqual(before);
  });
});

describe("OPML from the chat", () => {
  const opml = (urls: readonly string[]) =>
    `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>${urls
      .map((u) => `<outline text="x" type="rss" xmlUrl="${u}"/>`)
      .join("")}</body></opml>`;

  it("imports a sent .opml file: added, already present and refused with reasons, in one report", async () => {
    const h = await start({ env });
    await say(h, `/addfeed ${server.url("/sport.xml")}`);
    const file = h.fake.addFile(
      opml([server.url("/city.xml"), server.url("/sport.xml"), server.url("/page.html")]),
      "feeds.opml",
    );
    await h.send(documentMessage(file, "feeds.opml", { from: EDITOR }));
    expect(last(h).text).toMatch(/^Reading the OPML file and adding its feeds/);
    await h.settle();
    const report = last(h).text;
    expect(report).toMatch(/^OPML import: 1 added · 1 already present · 1 refused/);
    expect(report).toContain("Added\n• #2 City Desk — http://127.0.0.1:");
    expect(report).toContain("Already present\n• #1 http://127.0.0.1:");
    expect(report).toMatch(/Refused\n• http:\/\/127\.0\.0\.1:\d+\/page\.html: .*HTML/);
    expect(h.deps.feeds!.listFeeds().map((f) => f.title)).toEqual(["Sport", "City Desk"]);
  });

  it("reports refused feeds with their reasons in Russian for a Russian-speaking editor", async () => {
    const h = await start({ env });
    await say(h, `/addfeed ${server.url("/page.html")}`, RUSSIAN_EDITOR);
    expect(last(h).text).toBe("❌ Лента не добавлена: это HTML-страница, а не лента.");
    const file = h.fake.addFile(opml([server.url("/page.html"), "ftp://x.example/feed"]), "f.opml");
    await h.send(documentMessage(file, "f.opml", { from: RUSSIAN_EDITOR }));
    await h.settle();
    const report = last(h).text;
    expect(report).toMatch(/^Импорт OPML: добавлено 0 · уже были 0 · отклонено 2/);
    expect(report).toContain("page.html: это HTML-страница, а не лента");
    expect(report).toContain(
      "ftp://x.example/feed: принимаются только адреса http и https, а не ftp",
    );
  });

  it("refuses a hostile or broken file with the reason, in the editor's language, adding nothing", async () => {
    const h = await start({ env });
    const hostile = h.fake.addFile(
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><opml><body><outline xmlUrl="&a;"/></body></opml>`,
      "evil.opml",
    );
    await h.send(documentMessage(hostile, "evil.opml", { from: EDITOR }));
    expect(last(h).text).toBe(
      "❌ OPML not imported: the file declares a DOCTYPE or entities, which OPML never needs; it is refused.",
    );
    const broken = h.fake.addFile("<opml><body><outline", "broken.opml");
    await h.send(documentMessage(broken, "broken.opml", { from: RUSSIAN_EDITOR }));
    expect(last(h).text).toBe("❌ OPML не импортирован: файл не читается как XML.");
    const huge = h.fake.addFile("x", "huge.opml");
    await h.send(documentMessage({ ...huge, fileSize: 5_000_000 }, "huge.opml", { from: EDITOR }));
    expect(last(h).text).toMatch(/^❌ OPML not imported: the file is larger than 1 MB/);
    expect(h.fake.callsTo("getFile")).toHaveLength(2);
    expect(h.deps.feeds!.listFeeds()).toEqual([]);
  });

  it("sends the feeds as an .opml document on /feeds export, which reads back to the same list", async () => {
    const h = await start({ env });
    await say(h, "/feeds export");
    expect(last(h).text).toBe("There are no feeds to export yet.");
    await say(h, `/addfeed ${server.url("/sport.xml")}`);
    await say(h, `/addfeed ${server.url("/city.xml")} store-only`);
    await say(h, "/feeds export", RUSSIAN_EDITOR);
    const sent = last(h);
    expect(sent.kind).toBe("document");
    expect(sent.document!.fileName).toBe("newsroom-feeds.opml");
    expect(sent.text).toBe("2 ленты в формате OPML.");
    expect(readOpml(new TextEncoder().encode(sent.document!.content))).toEqual([
      { url: server.url("/sport.xml"), title: "Sport" },
      { url: server.url("/city.xml"), title: "City Desk" },
    ]);
  });

  it("ignores a reader's .opml file as an editor action", async () => {
    const h = await start({ env });
    const file = h.fake.addFile(opml([server.url("/city.xml")]), "feeds.opml");
    await h.send(documentMessage(file, "feeds.opml", { from: READER }));
    expect(h.deps.feeds!.listFeeds()).toEqual([]);
    expect(h.fake.callsTo("getFile")).toEqual([]);
  });
});
