import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalFeedServer, startLocalFeedServer } from "../feeds/local-feed-server.js";
import { runCliCaptured } from "./run-cli.js";

const rss = (title: string, items: readonly string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://x.example/</link>${items
    .map(
      (t, i) =>
        `<item><title>${t}</title><guid>${t}</guid><link>https://x.example/${encodeURIComponent(title)}/${i}</link><description>${t} in a sentence of its own.</description></item>`,
    )
    .join("")}</channel></rss>`;

let server: LocalFeedServer;
let cityItems: string[];
beforeEach(async () => {
  cityItems = ["Opening day"];
  server = await startLocalFeedServer({
    "/city.xml": (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("City", cityItems)),
    "/sport.xml": (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("Sport", ["Match"])),
  });
});
afterEach(() => server.close());

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "newsroom-cli-feeds-"));
  const env = {
    DATABASE_PATH: join(dir, "news.db"),
    TIMEZONE: "UTC",
    ALLOW_PRIVATE_FEEDS: "true",
    CHANNEL_ID: "@harbour_news",
  };
  return { dir, cli: (...args: string[]) => runCliCaptured(env, args) };
}

describe("npm run cli -- feeds set", () => {
  it("sets store-only, pause and words, shows them in feeds list, and the next fetch applies them", async () => {
    const w = workspace();
    await w.cli("feeds", "add", server.url("/city.xml"));
    const set = await w.cli(
      "feeds",
      "set",
      "1",
      "--include",
      "election, council*",
      "--exclude",
      "ad",
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toContain("feed #1 set; rules apply from its next fetch");
    expect((await w.cli("feeds", "list")).stdout).toContain(
      "include: election, council* · exclude: ad",
    );
    cityItems = ["Opening day", "Election night", "Weather"];
    await w.cli("fetch");
    // "Opening day" was archived when the feed was added; the rules queue only the election.
    expect((await w.cli("stats")).stdout).toMatch(/articles: 3\nqueued: 1\n/);

    await w.cli("feeds", "set", "1", "--paused", "on", "--store-only", "on");
    expect((await w.cli("feeds", "list")).stdout).toContain("[store-only, paused]");
    expect((await w.cli("fetch")).stdout).toBe("");
  });

  it("refuses a bad value, no change, or an unknown feed with a clear line", async () => {
    const w = workspace();
    await w.cli("feeds", "add", server.url("/city.xml"));
    const bad = await w.cli("feeds", "set", "1", "--paused", "maybe");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--paused takes on or off");
    expect((await w.cli("feeds", "set", "1")).stderr).toContain("needs at least one of");
    const missing = await w.cli("feeds", "set", "9", "--paused", "on");
    expect(missing).toMatchObject({ code: 1, stderr: "refused: there is no feed with id 9\n" });
  });
});

describe("npm run cli -- feeds import / export", () => {
  it("imports an OPML file, listing added, present and refused, and exports a file that reads back", async () => {
    const w = workspace();
    await w.cli("feeds", "add", server.url("/sport.xml"));
    const file = join(w.dir, "in.opml");
    writeFileSync(
      file,
      `<opml version="2.0"><body><outline text="c" xmlUrl="${server.url("/city.xml")}"/><outline text="s" xmlUrl="${server.url("/sport.xml")}"/><outline text="bad" xmlUrl="ftp://x.example/feed"/></body></opml>`,
    );
    const imported = await w.cli("feeds", "import", file);
    expect(imported.stdout).toMatch(
      /^added {3}#2 http:\/\/127\.0\.0\.1:\d+\/city\.xml \(1 new in the archive\)$/m,
    );
    expect(imported.stdout).toMatch(/^present #1 http:\/\/127\.0\.0\.1:\d+\/sport\.xml$/m);
    expect(imported.stdout).toMatch(/^refused ftp:\/\/x\.example\/feed: /m);
    expect(imported.stdout).toContain("1 added · 1 already present · 1 refused");
    expect(imported.code).toBe(1);

    const out = join(w.dir, "out.opml");
    expect((await w.cli("feeds", "export", out)).stdout).toBe(`wrote 2 feeds to ${out}\n`);
    const exported = readFileSync(out, "utf8");
    expect(exported).toContain(`xmlUrl="${server.url("/sport.xml")}"`);
    expect(exported).toContain(`xmlUrl="${server.url("/city.xml")}"`);
    expect((await w.cli("feeds", "export")).stdout).toContain('<opml version="2.0">');
  });

  it("refuses a hostile OPML file with the reason and adds nothing", async () => {
    const w = workspace();
    const file = join(w.dir, "evil.opml");
    writeFileSync(
      file,
      `<!DOCTYPE x [<!ENTITY a "a">]><opml><body><outline xmlUrl="&a;"/></body></opml>`,
    );
    const run = await w.cli("feeds", "import", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^refused: OPML not imported: the file declares a DOCTYPE/);
    expect((await w.cli("feeds", "list")).stdout).toContain("no feeds yet");
  });
});
