import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { FeedUrlNotAllowedError } from "./feed-errors.js";

/** Resolves a host name to all its addresses (node:dns lookup with all: true by default). */
export type HostLookup = (
  hostname: string,
) => Promise<ReadonlyArray<{ address: string; family: number }>>;

export interface FeedUrlPolicy {
  /** Allow localhost and private networks (ALLOW_PRIVATE_FEEDS): for tests and intranet feeds. */
  readonly allowPrivate: boolean;
  /** Injected in tests; defaults to the system resolver. */
  readonly lookup?: HostLookup;
}

const defaultLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Address ranges a feed fetch must never reach: they lead into this machine or its network. */
const PRIVATE_RANGES: ReadonlyArray<readonly [string, number, "ipv4" | "ipv6", string]> = [
  ["0.0.0.0", 8, "ipv4", "a 'this network' address"],
  ["10.0.0.0", 8, "ipv4", "a private network address"],
  ["100.64.0.0", 10, "ipv4", "a carrier-grade NAT address"],
  ["127.0.0.0", 8, "ipv4", "a loopback address"],
  ["169.254.0.0", 16, "ipv4", "a link-local address (this is where cloud metadata services live)"],
  ["172.16.0.0", 12, "ipv4", "a private network address"],
  ["192.0.0.0", 24, "ipv4", "a reserved protocol address"],
  ["192.168.0.0", 16, "ipv4", "a private network address"],
  ["198.18.0.0", 15, "ipv4", "a benchmarking network address"],
  ["224.0.0.0", 4, "ipv4", "a multicast address"],
  ["240.0.0.0", 4, "ipv4", "a reserved address"],
  ["::", 128, "ipv6", "the unspecified address"],
  ["::1", 128, "ipv6", "a loopback address"],
  ["::ffff:0:0", 96, "ipv6", "an IPv4-mapped address"],
  // These embed an IPv4 address (possibly a private one) that a gateway or the host reaches.
  ["::", 96, "ipv6", "an IPv4-compatible address"],
  ["64:ff9b::", 96, "ipv6", "a NAT64 address (it leads to an IPv4 address)"],
  ["64:ff9b:1::", 48, "ipv6", "a local-use NAT64 address (it leads to an IPv4 address)"],
  ["2002::", 16, "ipv6", "a 6to4 address (it leads to an IPv4 address)"],
  ["fc00::", 7, "ipv6", "a unique-local (private) IPv6 address"],
  ["fe80::", 10, "ipv6", "a link-local IPv6 address"],
  ["ff00::", 8, "ipv6", "a multicast address"],
];

const blocked = PRIVATE_RANGES.map(([network, prefix, family, why]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, family, why };
});

/** Why an IP address is off limits, or undefined when it is a public address. */
export function privateAddressReason(address: string): string | undefined {
  const version = isIP(address);
  if (version === 0) return undefined;
  const family = version === 4 ? "ipv4" : "ipv6";
  return blocked.find((b) => b.family === family && b.list.check(address, family))?.why;
}

/** Host names that always mean this machine or a cloud metadata service. */
function isLocalName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, "");
  return (
    h === "localhost" ||
    h.endsWith(".localhost") ||
    h === "metadata.google.internal" ||
    h === "metadata" ||
    h.endsWith(".internal")
  );
}

/** Parses and checks the shape of a feed URL (scheme, credentials); no network involved. */
export function parseFeedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FeedUrlNotAllowedError(
      `"${raw}" is not a valid URL (example: https://example.com/feed.xml)`,
      { code: "invalid-url" },
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FeedUrlNotAllowedError(
      `only http and https feed URLs are allowed, not ${url.protocol.replace(/:$/, "")}`,
      { code: "scheme", scheme: url.protocol.replace(/:$/, "") },
    );
  }
  if (url.username || url.password) {
    throw new FeedUrlNotAllowedError("feed URLs with a user name or password are not supported", {
      code: "credentials",
    });
  }
  url.hash = "";
  return url;
}

/**
 * Refuses a feed URL that is not http(s), or whose host is (or resolves to) localhost, a
 * loopback, private, link-local, carrier-grade NAT, unique-local IPv6 or metadata address,
 * unless `allowPrivate`. Every address a name resolves to is checked, so a public name with
 * one private record is refused too.
 * @returns the parsed URL.
 * @throws FeedUrlNotAllowedError with the reason.
 */
export async function assertFeedUrlAllowed(raw: string | URL, policy: FeedUrlPolicy): Promise<URL> {
  const url = parseFeedUrl(String(raw));
  if (policy.allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isLocalName(host)) {
    throw new FeedUrlNotAllowedError(
      `${host} is this machine or an internal name; feeds must be on the public internet`,
      { code: "internal-host", host },
    );
  }
  const literal = privateAddressReason(host);
  if (literal)
    throw new FeedUrlNotAllowedError(
      `${host} is ${literal}; feeds must be on the public internet`,
      {
        code: "private-address",
        host,
      },
    );
  if (isIP(host) !== 0) return url;
  let addresses: ReadonlyArray<{ address: string }>;
  try {
    addresses = await (policy.lookup ?? defaultLookup)(host);
  } catch {
    throw new FeedUrlNotAllowedError(`the host ${host} could not be found (DNS lookup failed)`, {
      code: "dns",
      host,
    });
  }
  if (addresses.length === 0)
    throw new FeedUrlNotAllowedError(`the host ${host} has no addresses`, {
      code: "no-addresses",
      host,
    });
  for (const { address } of addresses) {
    const reason = privateAddressReason(address);
    if (reason) {
      throw new FeedUrlNotAllowedError(
        `${host} resolves to ${address}, ${reason}; feeds must be on the public internet`,
        { code: "private-address", host },
      );
    }
  }
  return url;
}

type ConnectLookupCallback = (
  error: Error | null,
  address: string | Array<{ address: string; family: number }>,
  family?: number,
) => void;

/**
 * A `lookup` for the socket itself (net/tls `connect` options): it resolves the host once
 * more and refuses private addresses at the moment of connecting, so a DNS server cannot
 * answer the URL check with a public address and the connection with a private one.
 */
export function guardedConnectLookup(policy: FeedUrlPolicy) {
  const resolve = policy.lookup ?? defaultLookup;
  return (hostname: string, options: { all?: boolean }, callback: ConnectLookupCallback): void => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0)
          throw new FeedUrlNotAllowedError(`the host ${hostname} has no addresses`, {
            code: "no-addresses",
            host: hostname,
          });
        if (!policy.allowPrivate) {
          for (const { address } of addresses) {
            const reason = privateAddressReason(address);
            if (reason) {
              throw new FeedUrlNotAllowedError(
                `${hostname} resolves to ${address}, ${reason}; feeds must be on the public internet`,
                { code: "private-address", host: hostname },
              );
            }
          }
        }
        const first = addresses[0]!;
        if (options.all) callback(null, [...addresses]);
        else callback(null, first.address, first.family);
      })
      .catch((error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), ""),
      );
  };
}
