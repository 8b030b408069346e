import type { ArticleProblem } from "../../../articles/article-problem.js";
import type { FeedProblem } from "../../../feeds/feed-errors.js";
import { plural } from "../../../i18n/plural.js";

// The reasons the services give as data, worded for the desk.

const n = (count: number, one: string, other: string) => plural("en", count, { one, other });

/** Why a text was not taken, in English. */
export function articleProblem(p: ArticleProblem): string {
  switch (p.code) {
    case "too-long":
      return `the text is ${n(p.length, "character", "characters")} long; the limit is ${p.max.toLocaleString("en")}`;
    case "binary":
      return "this looks like binary data, not text";
    case "empty":
      return "the text is empty";
    case "only-call-to-action":
      return "the text has nothing but a call-to-action line";
    case "headline-too-long":
      return `the first line should be the headline, but it is longer than ${p.max} characters`;
    case "too-short":
      return "the text is too short: put the headline on the first line and at least a sentence of text below it";
    case "no-headline":
      return "the article has no headline";
  }
}

/** Why a feed was refused, in English. */
export function feedProblem(p: FeedProblem): string {
  switch (p.code) {
    case "invalid-url":
      return "that is not a valid URL (example: https://example.com/feed.xml)";
    case "scheme":
      return `only http and https feed URLs are allowed, not ${p.scheme}`;
    case "credentials":
      return "feed URLs with a user name or password are not supported";
    case "internal-host":
      return `${p.host} is this machine or an internal name; feeds must be on the public internet`;
    case "private-address":
      return `${p.host} is a private or local address; feeds must be on the public internet`;
    case "dns":
      return `the host ${p.host} could not be found (DNS lookup failed)`;
    case "no-addresses":
      return `the host ${p.host} has no addresses`;
    case "content-type":
      return `the server sent ${p.type}, which cannot be a feed`;
    case "too-large":
      return `the feed is larger than ${p.mb} MB`;
    case "timeout":
      return `the server did not answer within ${p.seconds} s`;
    case "unreachable":
      return `the server could not be reached (${p.detail})`;
    case "redirect-loop":
      return "the server redirects in a loop";
    case "too-many-redirects":
      return `the server redirected more than ${p.max} times`;
    case "http-status":
      return `the server answered ${p.status}`;
    case "gzip-broken":
      return "the feed is gzip-compressed but the compressed data is broken";
    case "empty":
      return "the response is empty, not a feed";
    case "json-not-feed":
      return "this is JSON but not a JSON Feed";
    case "html-page":
      return "this is an HTML page, not a feed";
    case "not-a-feed":
      return "this is not a feed (no RSS, Atom, RDF or JSON Feed document found)";
    case "malformed":
      return "the feed is malformed and cannot be read";
    case "too-deep":
      return `an item's HTML is nested more than ${p.depth} elements deep; the feed is not read`;
    case "read-too-long":
      return `reading the feed took longer than ${p.seconds} s (too large or too complex); it was stopped`;
    case "not-modified-first":
      return "the server answered 304 Not Modified to a first request";
    case "exists":
      return `this feed is already added (#${p.feedId})`;
    case "not-found":
      return `there is no feed #${p.feedId}`;
  }
}
