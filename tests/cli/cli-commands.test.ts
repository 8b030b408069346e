import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { type LocalFeedServer, startLocalFeedServer } from "../feeds/local-feed-server.js";
import { runCliCaptured } from "./run-cli.js";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<item><title>Ferry timetable changes</title><link>https://gazette.example/ferry</link><guid>ferry-1</guid>
<description>&lt;p&gt;The winter ferry timetable starts on Monday with two extra sailings.&lt;/p&gt;</description>
<pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Lighthouse museum reopens</title><link>https://gazette.example/lighthouse</link><guid>lh-1</guid>
<description>The lighthouse museum reopened after a year of restoration work.</description>
<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>
</channel></rss>`;

let server: LocalFeedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function workspace(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "newsroom-cli-cmd-"));
  const baseEnv = { DATABASE_PATH: join(dir, "news.db"), TIMEZONE: "UTC", ...env };
  return {
    dir,
    cli: (...args: string[]) => runCliCaptured(baseEnv, args),
  };
}

describe("operator commands for feeds, search, summaries and the queue", () => {
  it("adds a feed, lists it, fetches it again without duplicates, and removes it", async () => {
    server = await startLocalFeedServer({
      "/rss": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(RSS),
    });
    const w = workspace({ ALLOW_PRIVATE_FEEDS: "true", CHANNEL_ID: "@harbour_news" });
    const added = await w.cli("feeds", "add", "--latest", "1", server.url("/rss"));
    expect(added.stdout).toMatch(
      /added feed #1 Harbour Gazette: 2 items found, 2 new archived, 1 queued/,
    );
    expect((await w.cli("feeds", "list")).stdout).toMatch(
      /#1 .*\/rss\n\s+Harbour Gazette · 2 items · last fetch \d{4}-.* · ok/,
    );
    const fetched = await w.cli("fetch");
    expect(fetched.stdout).toMatch(/2 items, 0 new, 0 queued, 0 updated/);
    expect((await w.cli("stats")).stdout).toMatch(/articles: 2\nqueued: 1\n/);
    expect((await w.cli("search", "ferry")).stdout).toMatch(
      /#1 2024-03-04 \[Ferry\] timetable changes/,
    );
    // The newest story was queued: not public until the channel has it, except with --all.
    expect((await w.cli("search", "lighthouse")).stdout).toMatch(/nothing found for: lighthouse/);
    expect((await w.cli("search", "--all", "lighthouse")).stdout).toMatch(
      /#2 2024-03-05 \[not yet public\] \[Lighthouse\] museum reopens/,
    );
    expect((await w.cli("feeds", "remove", "1")).stdout).toMatch(/removed feed #1/);
    expect((await w.cli("feeds", "list")).stdout).toMatch(/no feeds yet/);
  });

  it("refuses a private feed address unless ALLOW_PRIVATE_FEEDS is on, and stores nothing", async () => {
    const w = workspace();
    const refused = await w.cli("feeds", "add", "http://192.168.1.10/rss");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^refused: .*192\.168\.1\.10.*private/m);
    expect((await w.cli("stats")).stdout).toMatch(/articles: 0/);
  });

  it("prints the exact request of the next queued post, and sends nothing", async () => {
    const w = workspace({ CHANNEL_ID: "@harbour_news", TELEGRAM_API_ROOT: "http://127.0.0.1:9" });
    expect((await w.cli("post", "--dry-run")).stdout).toMatch(/the queue is empty/);
    writeFileSync(
      join(w.dir, "a.txt"),
      "Bridge <closed> for repairs\n\nThe old bridge closes for a week from Monday, the council said.\n",
    );
    await w.cli("import", "--queue", join(w.dir, "a.txt"));
    const preview = await w.cli("post", "--dry-run");
    expect(preview.stdout).toMatch(/^sendMessage \{/m);
    expect(preview.stdout).toContain('"chat_id": "@harbour_news"');
    expect(preview.stdout).toContain("<b>Bridge &lt;closed&gt; for repairs</b>");
    expect(preview.stdout).toContain(
      '<a href=\\"https://t.me/harbour_news\\">read more in our Telegram-channel</a>',
    );
    expect((await w.cli("stats")).stdout).toMatch(/queued: 1\nposted: 0 today/);
  });

  it("previews the first due item, as /postnow and the next run would take it", async () => {
    const w = workspace({ CHANNEL_ID: "@harbour_news", TELEGRAM_API_ROOT: "http://127.0.0.1:9" });
    for (const [file, headline] of [
      ["a.txt", "Embargoed budget story"],
      ["b.txt", "Ferry timetable story"],
    ]) {
      writeFileSync(
        join(w.dir, file!),
        `${headline}\n\nThe full text of the ${headline!.toLowerCase()}.\n`,
      );
      await w.cli("import", "--queue", join(w.dir, file!));
    }
    // An editor scheduled the first one for tomorrow (as /new with a time does).
    const db = openDatabase(join(w.dir, "news.db"));
    const schedule = db.prepare(
      "UPDATE publish_queue SET not_before = ? WHERE article_id = (SELECT id FROM articles WHERE title = ?)",
    );
    const tomorrow = Date.now() + 86_400_000;
    schedule.run(tomorrow, "Embargoed budget story");
    expect((await w.cli("post", "--dry-run")).stdout).toMatch(
      /^next: queue item #2, article #2 "Ferry timetable story"/,
    );
    schedule.run(tomorrow, "Ferry timetable story");
    db.close();
    expect((await w.cli("post", "--dry-run")).stdout).toMatch(
      /^nothing is due now: 2 queued item\(s\) scheduled for later, the first not before \d{4}-/,
    );
  });

  it("summarises a text file to the asked number of sentences", async () => {
    const w = workspace();
    const file = join(w.dir, "story.txt");
    writeFileSync(
      file,
      "Council approves new cycle lanes\n\nThe city council approved twelve kilometres of new cycle lanes on Tuesday. " +
        "Work starts in April and should finish by the autumn. " +
        "Shop owners on the main street had asked for more parking instead. " +
        "The council said parking would move to side streets. " +
        "Cyclists' groups welcomed the decision.\n",
    );
    const result = await w.cli("summarize", "--sentences", "2", file);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      "The city council approved twelve kilometres of new cycle lanes on Tuesday.",
    );
    expect((await w.cli("summarize", "--sentences", "zero", file)).code).toBe(2);
  });
});
