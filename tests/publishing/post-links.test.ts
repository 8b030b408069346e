import { describe, expect, it } from "vitest";
import { displayUrl } from "../../src/articles/display-url.js";
import { formatPost } from "../../src/publishing/format-post.js";
import { buildArticle, FORMAT, sentences } from "./article-builder.js";

const FOOTER_LINE = '<a href="https://t.me/newsroom_test">read more in our Telegram-channel</a>';

describe("the link to the story", () => {
  it("links the headline to the story in a text post, with the footer still last", () => {
    const post = formatPost(buildArticle({ id: 3 }), FORMAT);
    expect(
      post.html.startsWith(
        '<a href="https://news.example.org/story/3"><b>China calls Russia ties solid as rock</b></a>\n\n',
      ),
    ).toBe(true);
    expect(post.html.endsWith(`\n${FOOTER_LINE}`)).toBe(true);
  });

  it("links the headline in a photo caption too", () => {
    const post = formatPost(
      buildArticle({ id: 4, imageUrl: "https://news.example.org/img/4.jpg" }),
      FORMAT,
    );
    expect(post.kind).toBe("photo");
    expect(post.html).toMatch(/^<a href="https:\/\/news\.example\.org\/story\/4"><b>/);
    expect(post.html.endsWith(`\n${FOOTER_LINE}`)).toBe(true);
  });

  it("links the headline of a cut post and still offers the full story at the cut", () => {
    const post = formatPost(buildArticle({ id: 5, body: sentences(300) }), FORMAT);
    expect(post.truncated).toBe(true);
    expect(post.html).toMatch(/^<a href="https:\/\/news\.example\.org\/story\/5"><b>/);
    expect(post.html).toContain(
      '…\n<a href="https://news.example.org/story/5">Read the full story</a>',
    );
    expect(post.html.endsWith(`\n${FOOTER_LINE}`)).toBe(true);
  });

  it("shows the link without utm_* and other tracking parameters", () => {
    const url =
      "https://news.example.org/story?id=5&utm_source=rss&utm_medium=feed&fbclid=abc&at_medium=RSS#top";
    const post = formatPost(buildArticle({ url, body: sentences(300) }), FORMAT);
    expect(post.html).toContain('<a href="https://news.example.org/story?id=5#top"><b>');
    expect(post.html).toContain(
      '<a href="https://news.example.org/story?id=5#top">Read the full story</a>',
    );
    expect(post.html).not.toMatch(/utm_|fbclid|at_medium/);
  });

  it("keeps a paste without a URL as it was: plain bold headline, deep link only when cut", () => {
    const short = formatPost(buildArticle({ url: null }), FORMAT);
    expect(short.html.startsWith("<b>China calls Russia ties solid as rock</b>\n\n")).toBe(true);
    expect(short.html.match(/<a /g)).toHaveLength(1);
    const long = formatPost(buildArticle({ id: 77, url: null, body: sentences(300) }), FORMAT);
    expect(long.html.startsWith("<b>")).toBe(true);
    expect(long.html).toContain(
      '<a href="https://t.me/newsroom_test_bot?start=a77">Read the full story</a>',
    );
  });

  it("does not link a headline to an address that is not a web page", () => {
    const post = formatPost(buildArticle({ url: "javascript:alert(1)" }), FORMAT);
    expect(post.html.startsWith("<b>")).toBe(true);
    expect(post.html).not.toContain("javascript:");
  });
});

describe("displayUrl", () => {
  it("drops tracking parameters and keeps everything else as written", () => {
    expect(displayUrl("https://a.example/x?utm_source=t&page=2&gclid=1&_hsenc=p")).toBe(
      "https://a.example/x?page=2",
    );
    expect(displayUrl("https://a.example/x?utm_campaign=c")).toBe("https://a.example/x");
    expect(displayUrl("https://a.example/x?from=home&ref=nav")).toBe(
      "https://a.example/x?from=home&ref=nav",
    );
    expect(displayUrl("https://a.example/Path/?q=1#frag")).toBe("https://a.example/Path/?q=1#frag");
  });

  it("gives anything that is not an http(s) URL back unchanged", () => {
    expect(displayUrl("not a url")).toBe("not a url");
    expect(displayUrl("mailto:x@example.org?utm_source=a")).toBe(
      "mailto:x@example.org?utm_source=a",
    );
  });
});
