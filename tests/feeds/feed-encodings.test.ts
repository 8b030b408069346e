import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { FeedParseError } from "../../src/feeds/feed-errors.js";
import { readFeed } from "../../src/feeds/read-feed.js";
import { cyrillicRss, RSS2 } from "./sample-feeds.js";

const NOW = Date.UTC(2024, 5, 1);
const read = (bytes: Uint8Array, contentType?: string) =>
  readFeed(bytes, { feedUrl: "https://news.example.org/feed.xml", now: NOW, contentType });

/** A reason as an editor sees it: no NUL, no escape, no other control character. */
function reasonFor(bytes: Uint8Array): string {
  try {
    read(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\p{Cc}/u);
    return message;
  }
  throw new Error("the feed was read, but a refusal was expected");
}

const title = "Выборы в городской совет";
const text = "Жители проголосовали за новый бюджет города и школы.";

describe("UTF-8 with a few bad bytes", () => {
  it("stays UTF-8 when declared, only the bad bytes replaced", () => {
    const good = Buffer.from(cyrillicRss("utf-8", title, text), "utf8");
    const at = good.indexOf(Buffer.from("бюджет", "utf8"));
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    const item = read(bytes).items[0];
    expect(item?.title).toBe(title);
    expect(item?.body).toBe("Жители проголосовали за новый \uFFFDбюджет города и школы.");
  });

  it("stays UTF-8 when undeclared and the HTTP header says windows-1252", () => {
    const good = Buffer.from(cyrillicRss(null, title, text), "utf8");
    const bytes = Buffer.concat([
      good.subarray(0, 200),
      Buffer.from([0xc3, 0x28]),
      good.subarray(200),
    ]);
    const item = read(bytes, "application/rss+xml; charset=windows-1252").items[0];
    expect(item?.title).toBe(title);
    expect(`${item?.title} ${item?.body}`.match(/\uFFFD/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it("falls back when a 'utf-8' feed is clearly in another encoding", () => {
    const bytes = iconv.encode(cyrillicRss("utf-8", title, text.repeat(4)), "windows-1251");
    expect(read(bytes).items[0]?.title).toBe(title);
  });

  it("reads Latin-1 labelled utf-8 as Latin-1 when no byte of it is valid UTF-8", () => {
    const feed = RSS2.replace("Storm warning", "Tempête sur la côte, été pluvieux");
    const bytes = iconv.encode(feed, "latin1");
    const titles = read(bytes).items.map((i) => i.title);
    expect(titles).toContain("Tempête sur la côte, été pluvieux");
  });
});

describe("UTF-16 without a byte-order mark", () => {
  const feed = cyrillicRss("UTF-16", title, text);

  it("is recognised in little-endian order", () => {
    const bytes = iconv.encode(feed, "utf-16le", { addBOM: false });
    expect(bytes[1]).toBe(0);
    expect(read(bytes).items[0]).toMatchObject({ title, body: text });
  });

  it("is recognised in big-endian order", () => {
    const bytes = iconv.encode(feed, "utf-16be", { addBOM: false });
    expect(bytes[0]).toBe(0);
    expect(read(bytes).items[0]).toMatchObject({ title, body: text });
  });

  it("also without an XML declaration, starting with <rss", () => {
    const bytes = iconv.encode(cyrillicRss(null, title, text), "utf-16le", { addBOM: false });
    expect(read(bytes).items[0]?.title).toBe(title);
  });

  it('ignores an encoding="utf-16" label on a file that is really ASCII', () => {
    const bytes = Buffer.from(RSS2.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf8");
    expect(read(bytes).items[0]?.title).toBe("Council & mayor agree budget");
  });
});

describe("refusals in plain words", () => {
  it("names an HTML page that only wraps a feed", () => {
    const page =
      '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>' +
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><title>a</title></entry></feed>' +
      "</body></html>";
    expect(reasonFor(Buffer.from(page))).toBe(
      "this is a web page with a feed inside it, not a feed itself: use the feed's own address",
    );
  });

  it("says an RSS document without a channel holds no news", () => {
    expect(reasonFor(Buffer.from('<rss version="2.0"><item><title>a</title></item></rss>'))).toBe(
      "the RSS document has no <channel>, so it holds no news",
    );
  });

  it("says an incomplete JSON Feed is incomplete", () => {
    const json = JSON.stringify({ version: "https://jsonfeed.org/version/1", items: "none" });
    expect(reasonFor(Buffer.from(json))).toMatch(/^this JSON Feed is incomplete/);
  });

  it("never shows the NUL bytes of binary or odd UTF-16 data", () => {
    const odd = Buffer.from("<\0x\0\0\0\0\0y\0\u0001\u001b[31m", "latin1");
    expect(reasonFor(odd)).not.toBe("");
    const noMarkup = iconv.encode("just some words, no markup", "utf-16le");
    expect(reasonFor(noMarkup)).not.toBe("");
  });

  it("quotes the XML error without control characters", () => {
    const broken = Buffer.from(
      '<rss version="2.0"><channel><title>x\u0007</title><item><title>a</ite',
    );
    expect(reasonFor(broken)).toMatch(/^the feed is broken XML and cannot be read/);
  });
});
