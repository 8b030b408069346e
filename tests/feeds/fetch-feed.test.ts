import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedFetchError, FeedUrlNotAllowedError } from "../../src/feeds/feed-errors.js";
import { FEED_USER_AGENT, fetchFeed } from "../../src/feeds/fetch-feed.js";
import { readFeed } from "../../src/feeds/read-feed.js";
import { type LocalFeedServer, serve, startLocalFeedServer } from "./local-feed-server.js";
import { RSS2 } from "./sample-feeds.js";

let server: LocalFeedServer;
const local = { allowPrivate: true } as const;

beforeAll(async () => {
  server = await startLocalFeedServer({
    "/feed.xml": serve(RSS2),
    "/etag.xml": (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') res.writeHead(304).end();
      else res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' }).end(RSS2);
    },
    "/slow.xml": (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write("<rss>");
      // never finishes: the client's timeout must end the exchange
    },
    "/huge.xml": (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let i = 0; i < 40; i++) res.write(chunk);
      res.end();
    },
    "/picture.jpg": serve(Buffer.from([0xff, 0xd8, 0xff]), { "content-type": "image/jpeg" }),
    "/old.xml": serve("", { location: "/feed.xml" }, 301),
    "/loop-a": serve("", { location: "/loop-b" }, 302),
    "/loop-b": serve("", { location: "/loop-a" }, 302),
    "/gone.xml": serve("gone", {}, 410),
    "/gzip.xml": serve(gzipSync(Buffer.from(RSS2)), { "content-encoding": "gzip" }),
    "/to-file": serve("", { location: "file:///etc/passwd" }, 302),
  });
  for (let i = 0; i < 7; i++)
    server.route(`/hop${i}`, serve("", { location: `/hop${i + 1}` }, 302));
  server.route("/hop7", serve(RSS2));
});

afterAll(() => server.close());

describe("fetching a feed", () => {
  it("gets the body and names the bot in the User-Agent", async () => {
    const result = await fetchFeed(server.url("/feed.xml"), local);
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(readFeed(result.body, { contentType: result.contentType }).items).toHaveLength(3);
    expect(server.requests.at(-1)?.headers["user-agent"]).toBe(FEED_USER_AGENT);
  });

  it("sends the ETag back and takes a 304 as nothing new", async () => {
    const first = await fetchFeed(server.url("/etag.xml"), local);
    expect(first).toMatchObject({ status: "ok", etag: '"v1"' });
    const second = await fetchFeed(server.url("/etag.xml"), { ...local, etag: '"v1"' });
    expect(second).toEqual({ status: "not-modified" });
  });

  it("gives up on a server that does not finish in time", async () => {
    await expect(fetchFeed(server.url("/slow.xml"), { ...local, timeoutMs: 200 })).rejects.toThrow(
      new FeedFetchError("the server did not answer within 0.2 s"),
    );
  });

  it("stops reading a body larger than the cap", async () => {
    await expect(
      fetchFeed(server.url("/huge.xml"), { ...local, maxBytes: 1024 * 1024 }),
    ).rejects.toThrow("the feed is larger than 1 MB");
  });

  it("refuses a content type that cannot be a feed", async () => {
    await expect(fetchFeed(server.url("/picture.jpg"), local)).rejects.toThrow(
      "the server sent image/jpeg, which cannot be a feed",
    );
  });

  it("follows a redirect and reports where the feed was found", async () => {
    const result = await fetchFeed(server.url("/old.xml"), local);
    expect(result).toMatchObject({ status: "ok", url: server.url("/feed.xml") });
  });

  it("stops at a redirect loop", async () => {
    await expect(fetchFeed(server.url("/loop-a"), local)).rejects.toThrow(
      "the server redirects in a loop",
    );
  });

  it("stops after five redirects", async () => {
    await expect(fetchFeed(server.url("/hop0"), local)).rejects.toThrow(
      "the server redirected more than 5 times",
    );
  });

  it("checks every redirect target against the URL policy", async () => {
    // allowPrivate lets the test reach 127.0.0.1; the scheme rule still applies to each hop.
    await expect(fetchFeed(server.url("/to-file"), local)).rejects.toThrow(
      new FeedUrlNotAllowedError("only http and https feed URLs are allowed, not file"),
    );
  });

  it("reports an HTTP error with its status", async () => {
    await expect(fetchFeed(server.url("/gone.xml"), local)).rejects.toThrow(
      "the server answered 410 Gone",
    );
  });

  it("unpacks a gzip-encoded response", async () => {
    const result = await fetchFeed(server.url("/gzip.xml"), local);
    if (result.status !== "ok") throw new Error("expected a body");
    expect(readFeed(result.body).title).toBe("Daily & Nightly News");
  });
});

describe("the address the socket connects to", () => {
  const port = () => new URL(server.url("/")).port;

  it("connects to the address the checked lookup gave", async () => {
    const lookup = async () => [{ address: "127.0.0.1", family: 4 }];
    const result = await fetchFeed(`http://feeds.example:${port()}/feed.xml`, {
      allowPrivate: true,
      lookup,
    });
    expect(result.status).toBe("ok");
  });

  it("refuses a name that resolves to a public address when checked and to loopback when connecting", async () => {
    let calls = 0;
    const rebinding = async () => {
      calls++;
      return [{ address: calls === 1 ? "93.184.216.34" : "127.0.0.1", family: 4 }];
    };
    const before = server.requests.length;
    const attempt = fetchFeed(`http://rebind.example:${port()}/feed.xml`, {
      allowPrivate: false,
      lookup: rebinding,
    });
    await expect(attempt).rejects.toThrow(/resolves to 127\.0\.0\.1, a loopback address/);
    await expect(attempt).rejects.toBeInstanceOf(FeedUrlNotAllowedError);
    expect(calls).toBe(2);
    expect(server.requests.length).toBe(before);
  });
});
