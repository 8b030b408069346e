import { describe, expect, it } from "vitest";
import { fromWallTime } from "../../../src/time/zoned-time.js";
import type { BotHarness } from "../../support/bot-harness.js";
import { callbackQuery, EDITOR, privateMessage, READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { CHANNEL, snapshot, startEditorHarness } from "./editor-harness.js";

const start = closedAfterEach(startEditorHarness);

const BODY =
  "The city council voted on Tuesday to extend the night tram service.\n\nService starts next month.";
const lastText = (h: BotHarness) => h.fake.messages(EDITOR.id).at(-1)!.text;
const say = (h: BotHarness, text: string) => h.send(privateMessage(text, { from: EDITOR }));
const press = (h: BotHarness, data: string) => {
  const under = h.fake.messages(EDITOR.id).at(-1)!;
  return h.send(
    callbackQuery(data, {
      from: EDITOR,
      message: { chatId: EDITOR.id, messageId: under.messageId },
    }),
  );
};
const queueRows = (h: BotHarness) =>
  h.db.prepare("SELECT article_id, state, not_before FROM publish_queue ORDER BY position").all();

describe("/new, the guided dialog", () => {
  it("goes headline → text → link → when → preview → confirm, and queues the post first", async () => {
    const h = await start();
    await say(h, "/new");
    expect(lastText(h)).toContain("Send the headline");
    await say(h, "Night trams <extended> & more");
    expect(lastText(h)).toContain("send the text");
    await say(h, "too short");
    expect(lastText(h)).toBe(
      "The text is too short (at least 20 characters). Try again, or /cancel.",
    );
    await say(h, BODY);
    expect(lastText(h)).toContain("send a link");
    await say(h, "not a link");
    expect(lastText(h)).toBe("That is not an http(s) link. Try again, or /cancel.");
    await say(h, "https://news.example.com/trams");
    expect(lastText(h)).toContain("when should it go out?");
    await press(h, "e:wn");

    const [note, preview] = h.fake.messages(EDITOR.id).slice(-2);
    expect(note!.text).toBe(
      "Preview. It will be posted at the next scheduled slot (first in the queue):",
    );
    expect(
      preview!.text.startsWith("Night trams <extended> & more\n\nThe city council voted"),
    ).toBe(true);
    expect(preview!.html).toContain("<b>Night trams &lt;extended&gt; &amp; more</b>");
    expect(h.deps.articles.count()).toBe(0);

    await press(h, "e:nc");
    const article = h.deps.articles.newest(1, 0, "all")[0]!;
    expect(article).toMatchObject({
      title: "Night trams <extended> & more",
      url: "https://news.example.com/trams",
    });
    expect(queueRows(h)).toEqual([{ article_id: article.id, state: "queued", not_before: null }]);
    expect(h.fake.messages(EDITOR.id).some((m) => m.text.startsWith("✅ Stored as article"))).toBe(
      true,
    );
  });

  it("posts at once when the editor picks Now", async () => {
    const h = await start();
    for (const text of ["/new", "Storm warning for the coast", BODY, "/skip"]) await say(h, text);
    await press(h, "e:wp");
    await press(h, "e:nc");
    await h.settle();
    expect(h.fake.messages(CHANNEL).map((m) => m.text.split("\n")[0])).toEqual([
      "Storm warning for the coast",
    ]);
    expect(lastText(h)).toContain("Posted to the channel.");
  });

  it("accepts a date and time in TIMEZONE, refusing impossible and past ones", async () => {
    const h = await start();
    for (const text of ["/new", "Festival programme announced", BODY, "/skip"]) await say(h, text);
    await say(h, "31.02.2031 10:00");
    expect(lastText(h)).toBe(
      "Not a time I can use: there is no such date or time. Try again, or /cancel.",
    );
    await say(h, "01.01.2001 10:00");
    expect(lastText(h)).toBe(
      "Not a time I can use: that time has already passed. Try again, or /cancel.",
    );
    const nextYear = new Date().getUTCFullYear() + 1;
    await say(h, `02.01.${nextYear} 09:30`);
    const [note, preview] = h.fake.messages(EDITOR.id).slice(-2);
    expect(note!.text).toBe(`Preview. It will be posted not before 9:30 02.01.${nextYear}:`);
    expect(preview!.text).toContain(`\n\n9:30 02.01.${nextYear}\n`);
    await press(h, "e:nc");
    const at = fromWallTime(
      { year: nextYear, month: 1, day: 2, hour: 9, minute: 30, second: 0 },
      "Europe/Moscow",
    );
    expect(queueRows(h)).toEqual([{ article_id: 1, state: "queued", not_before: at }]);
  });

  it("leaves at any step on /cancel and stores nothing", async () => {
    const h = await start();
    for (const text of ["/new", "A headline that will not be used", BODY]) await say(h, text);
    await say(h, "/cancel");
    expect(lastText(h)).toBe("Cancelled: nothing was saved.");
    await say(h, "https://example.com/after-cancel");
    expect(lastText(h)).not.toContain("when should it go out");
    expect(h.deps.articles.count()).toBe(0);
    expect(queueRows(h)).toEqual([]);
  });

  it("lets the editor run other commands mid-dialog and then carry on", async () => {
    const h = await start();
    for (const text of ["/new", "Airport adds routes"]) await say(h, text);
    await say(h, "/queue");
    expect(lastText(h)).toContain("Publication queue: 0 waiting");
    await say(h, "/new");
    expect(lastText(h)).toBe(
      "You are in the middle of it: answer the last question, or /cancel to start over.",
    );
    await say(h, BODY);
    expect(lastText(h)).toContain("send a link");
  });

  it("Cancel under the preview stores nothing", async () => {
    const h = await start();
    for (const text of ["/new", "Headline to drop", BODY, "/skip"]) await say(h, text);
    await press(h, "e:wn");
    await press(h, "e:nx");
    expect(lastText(h)).toBe("Cancelled: nothing was saved.");
    expect(h.deps.articles.count()).toBe(0);
  });

  it("lets an editor finish the dialog after the bot restarts (state from SQLite)", async () => {
    const first = await start();
    for (const text of ["/new", "Library extends its hours", BODY]) await say(first, text);
    await first.close();

    const second = await start({ db: first.db });
    await say(second, "/skip");
    expect(lastText(second)).toContain("when should it go out?");
    await press(second, "e:wn");
    await press(second, "e:nc");
    expect(second.deps.articles.newest(1, 0, "all")[0]!.title).toBe("Library extends its hours");
    expect(queueRows(second)).toHaveLength(1);
  });

  it("closes the dialog of someone who is no longer an editor after a restart", async () => {
    const first = await start();
    for (const text of ["/new", "Headline before the change", BODY]) await say(first, text);
    await first.close();

    const second = await start({ db: first.db, env: { ADMIN_IDS: "4242" } });
    await say(second, "/skip");
    expect(lastText(second)).toBe("Only the newsroom's editors can do this; the dialog is closed.");
    await say(second, "/skip");
    expect(second.deps.articles.count()).toBe(0);
    expect(
      second.db.prepare("SELECT value FROM bot_sessions").pluck().all().join(""),
    ).not.toContain("Headline before the change");
  });

  it("is not open to readers", async () => {
    const h = await start();
    const before = snapshot(h.db);
    await h.send(privateMessage("/new", { from: READER }));
    await h.send(privateMessage("Reader headline", { from: READER }));
    await h.send(callbackQuery("e:nc", { from: READER }));
    expect(snapshot(h.db)).toEqual(before);
    expect(h.fake.messages(READER.id)[0]!.text).toContain("only for the newsroom's editors");
    expect(h.fake.callsTo("answerCallbackQuery")[0]!.payload.text).toMatch(/^Not allowed/);
  });
});
