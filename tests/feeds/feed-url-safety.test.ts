import { describe, expect, it } from "vitest";
import { FeedUrlNotAllowedError } from "../../src/feeds/feed-errors.js";
import { assertFeedUrlAllowed, type HostLookup } from "../../src/feeds/feed-url-safety.js";

/** A resolver answering from a table, so no test asks a real DNS server. */
function fakeDns(table: Record<string, string[]>): HostLookup {
  return async (host) => {
    const addresses = table[host];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

const dns = fakeDns({
  "news.example.com": ["93.184.216.34", "2606:2800:220:1::1"],
  "sneaky.example.com": ["93.184.216.34", "10.0.0.5"],
  "rebind.example.com": ["127.0.0.1"],
});
const strict = { allowPrivate: false, lookup: dns };

describe("feed URL safety", () => {
  it("allows a public http(s) feed and returns the parsed URL", async () => {
    const url = await assertFeedUrlAllowed("https://news.example.com/rss#top", strict);
    expect(url.href).toBe("https://news.example.com/rss");
  });

  it.each([
    ["http://127.0.0.1/feed", "127.0.0.1 is a loopback address"],
    ["http://2130706433/feed", "127.0.0.1 is a loopback address"],
    ["http://10.1.2.3/feed", "10.1.2.3 is a private network address"],
    ["http://172.20.0.1/feed", "172.20.0.1 is a private network address"],
    ["http://192.168.1.1/feed", "192.168.1.1 is a private network address"],
    ["http://100.64.0.7/feed", "100.64.0.7 is a carrier-grade NAT address"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"],
    ["http://[::1]/feed", "::1 is a loopback address"],
    ["http://[fd12:3456::1]/feed", "fd12:3456::1 is a unique-local (private) IPv6 address"],
    ["http://[fe80::1]/feed", "fe80::1 is a link-local IPv6 address"],
    ["http://[::ffff:127.0.0.1]/feed", "is an IPv4-mapped address"],
    ["http://[::7f00:1]/feed", "::7f00:1 is an IPv4-compatible address"],
    ["http://[::a01:203]/feed", "::a01:203 is an IPv4-compatible address"],
    ["http://[64:ff9b::a01:203]/feed", "64:ff9b::a01:203 is a NAT64 address"],
    ["http://[64:ff9b:1::1]/feed", "64:ff9b:1::1 is a local-use NAT64 address"],
    ["http://[2002:7f00:1::]/feed", "2002:7f00:1:: is a 6to4 address"],
    ["http://0.0.0.0/feed", "0.0.0.0 is a 'this network' address"],
    ["http://metadata.google.internal/computeMetadata/v1/", "is this machine or an internal name"],
  ])("refuses %s", async (url, reason) => {
    await expect(assertFeedUrlAllowed(url, strict)).rejects.toThrow(reason);
  });

  it("refuses localhost by name, as it resolves to this machine", async () => {
    await expect(
      assertFeedUrlAllowed("http://localhost:8080/rss", { allowPrivate: false }),
    ).rejects.toThrow(
      new FeedUrlNotAllowedError(
        "localhost is this machine or an internal name; feeds must be on the public internet",
      ),
    );
  });

  it("refuses a name that resolves to a loopback address", async () => {
    await expect(assertFeedUrlAllowed("http://rebind.example.com/rss", strict)).rejects.toThrow(
      "rebind.example.com resolves to 127.0.0.1, a loopback address",
    );
  });

  it("refuses a name with any private address among its records", async () => {
    await expect(assertFeedUrlAllowed("https://sneaky.example.com/rss", strict)).rejects.toThrow(
      "resolves to 10.0.0.5, a private network address",
    );
  });

  it("says when a host cannot be found", async () => {
    await expect(assertFeedUrlAllowed("https://nowhere.example.com/rss", strict)).rejects.toThrow(
      "the host nowhere.example.com could not be found",
    );
  });

  it.each([
    ["ftp://news.example.com/rss", "only http and https feed URLs are allowed, not ftp"],
    ["file:///etc/passwd", "only http and https feed URLs are allowed, not file"],
    ["javascript:alert(1)", "only http and https feed URLs are allowed, not javascript"],
    ["news.example.com/rss", "is not a valid URL"],
    ["https://user:secret@news.example.com/rss", "with a user name or password are not supported"],
  ])("refuses %s", async (url, reason) => {
    await expect(assertFeedUrlAllowed(url, strict)).rejects.toThrow(reason);
  });

  it("allows private addresses when ALLOW_PRIVATE_FEEDS is on, but never other schemes", async () => {
    const open = { allowPrivate: true, lookup: dns };
    await expect(assertFeedUrlAllowed("http://127.0.0.1:8080/rss", open)).resolves.toBeInstanceOf(
      URL,
    );
    await expect(assertFeedUrlAllowed("http://localhost/rss", open)).resolves.toBeInstanceOf(URL);
    await expect(assertFeedUrlAllowed("file:///etc/passwd", open)).rejects.toBeInstanceOf(
      FeedUrlNotAllowedError,
    );
  });
});
