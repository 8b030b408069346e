import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotHarness } from "../../support/bot-harness.js";
import { EDITOR, privateMessage } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { startEditorHarness } from "./editor-harness.js";

/**
 * Feeds are read in the worker thread (as in production), and what the worker refuses must
 * reach an editor in their own language: the reason travels as data, not as English words.
 */
const RUSSIAN_EDITOR = { ...EDITOR, language_code: "ru" };
const PAGE = "<!doctype html><html><body><p>Not a feed</p></body></html>";
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Порт</title><link>https://port.example/</link>
<item><title>Паром</title><link>https://port.example/1</link><guid>p-1</guid><description>Паром снова ходит.</description></item>
</channel></rss>`;

let server: Server;
let base: string;
/** What /turns.xml answers: a feed until a test turns it into a web page. */
let turnsInto: "feed" | "page" = "feed";
beforeAll(async () => {
  server = createServer((req, res) => {
    const page = req.url === "/page.html" || (req.url === "/turns.xml" && turnsInto === "page");
    res.writeHead(200, { "content-type": page ? "text/html" : "application/rss+xml" });
    res.end(page ? PAGE : RSS);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const start = closedAfterEach(() => startEditorHarness({ env: { ALLOW_PRIVATE_FEEDS: "true" } }));
const say = (h: BotHarness, text: string) => h.send(privateMessage(text, { from: RUSSIAN_EDITOR }));
const lastText = (h: BotHarness) => h.fake.messages(EDITOR.id).at(-1)!.text;

describe("a feed refused in the worker, told to a Russian-speaking editor", () => {
  it("says in Russian that a web page is not a feed, in the /addfeed reply", async () => {
    const h = await start();
    await say(h, `/addfeed ${base}/page.html`);
    expect(lastText(h)).toBe("❌ Лента не добавлена: это HTML-страница, а не лента.");
    expect(h.db.prepare("SELECT count(*) FROM feeds").pluck().get()).toBe(0);
  });

  it("stores the reason's code with the feed's failure and words it in Russian on /feeds", async () => {
    const h = await start();
    await say(h, `/addfeed ${base}/turns.xml`);
    expect(lastText(h)).toMatch(/^✅/);
    turnsInto = "page";
    try {
      h.db.prepare("UPDATE feeds SET next_fetch_at = 0").run();
      const [result] = await h.services.feeds.pollDue();
      expect(result?.status).toBe("failed");
    } finally {
      turnsInto = "feed";
    }
    const stored = h.db.prepare("SELECT last_error, last_problem FROM feeds").get() as {
      last_error: string;
      last_problem: string;
    };
    expect(JSON.parse(stored.last_problem)).toEqual({ code: "html-page" });
    expect(stored.last_error).toBe("this is an HTML page, not a feed");
    await say(h, "/feeds");
    expect(lastText(h)).toContain("последняя ошибка: это HTML-страница, а не лента");
    expect(lastText(h)).not.toContain("HTML page");
  });
});
