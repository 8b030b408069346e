import { describe, expect, it } from "vitest";
import type { Feed } from "../../src/feeds/feed.js";
import { MAX_OPML_BYTES, OpmlError, readOpml, writeOpml } from "../../src/feeds/opml.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const problem = (text: string | Uint8Array) => {
  try {
    readOpml(typeof text === "string" ? bytes(text) : text);
  } catch (error) {
    if (error instanceof OpmlError) return error.problem;
    throw error;
  }
  return "read";
};

const SAMPLE = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="News">
    <outline text="Harbour &amp; Town" type="rss" xmlUrl="https://harbour.example/rss?a=1&amp;b=2" htmlUrl="https://harbour.example/"/>
    <outline text="Deep folder"><outline title="Gazette" text="g" xmlUrl=" https://gazette.example/feed "/></outline>
  </outline>
  <outline text="Twice" xmlUrl="https://harbour.example/rss?a=1&amp;b=2"/>
  <outline text="Just a link" htmlUrl="https://example.com/"/>
</body></opml>`;

describe("reading OPML", () => {
  it("lists every outline with a feed address once, walking folders, entities decoded", () => {
    expect(readOpml(bytes(SAMPLE))).toEqual([
      { url: "https://harbour.example/rss?a=1&b=2", title: "Harbour & Town" },
      { url: "https://gazette.example/feed", title: "Gazette" },
    ]);
  });

  it("refuses hostile, huge, broken or empty files with a reason", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>
<opml version="2.0"><body><outline text="&b;" xmlUrl="https://x.example/&b;"/></body></opml>`;
    expect(problem(laughs)).toBe("entities");
    expect(problem(`<!DOCTYPE opml SYSTEM "file:///etc/passwd"><opml><body/></opml>`)).toBe(
      "entities",
    );
    expect(problem(new Uint8Array(MAX_OPML_BYTES + 1))).toBe("too-large");
    expect(problem("<opml><body><outline text='x'")).toBe("not-xml");
    expect(problem("<html><body><p>hello</p></body></html>")).toBe("not-opml");
    expect(problem("<opml version='2.0'><body><outline text='no feeds'/></body></opml>")).toBe(
      "no-feeds",
    );
    const many = Array.from(
      { length: 201 },
      (_, i) => `<outline text="f" xmlUrl="https://f.example/${i}"/>`,
    );
    expect(problem(`<opml version="2.0"><body>${many.join("")}</body></opml>`)).toBe("too-many");
    const deep = `<opml version="2.0"><body>${"<outline text='x'>".repeat(30_000)}${"</outline>".repeat(30_000)}</body></opml>`;
    expect(["not-xml", "no-feeds"]).toContain(problem(deep));
  });
});

describe("writing OPML", () => {
  const feed = (id: number, url: string, title: string | null): Feed => ({
    id,
    url,
    title,
    storeOnly: false,
    paused: false,
    includeWords: [],
    excludeWords: [],
    etag: null,
    lastModified: null,
    lastFetchedAt: null,
    lastSuccessAt: null,
    lastError: null,
    lastProblem: null,
    lastRefused: 0,
    lastRefusedReason: null,
    failureCount: 0,
    nextFetchAt: 0,
    itemCount: 0,
    createdAt: 0,
  });

  it("writes an OPML 2.0 file that reads back to the same feeds, titles escaped", () => {
    const feeds = [
      feed(1, "https://harbour.example/rss?a=1&b=2", "Harbour <&> Town"),
      feed(2, "https://gazette.example/feed", null),
    ];
    const text = writeOpml(feeds, Date.UTC(2026, 0, 1));
    expect(text).toContain('<opml version="2.0">');
    expect(text).toContain("Harbour &lt;&amp;&gt; Town");
    expect(readOpml(bytes(text))).toEqual([
      { url: "https://harbour.example/rss?a=1&b=2", title: "Harbour <&> Town" },
      { url: "https://gazette.example/feed", title: "gazette.example" },
    ]);
  });
});
