import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import {
  formatPost,
  MAX_CAPTION_LENGTH,
  MAX_TEXT_LENGTH,
} from "../../src/publishing/format-post.js";
import { buildArticle, FORMAT, sentences } from "./article-builder.js";

const TELEGRAM_TAGS = new Set(["b", "i", "a"]);

/** Reads Telegram HTML the way the Bot API does: the visible text, and the tags used. */
function parseTelegramHtml(html: string) {
  let text = "";
  const tags: string[] = [];
  const open: string[] = [];
  const parser = new Parser(
    {
      onopentag: (name) => {
        tags.push(name);
        open.push(name);
      },
      ontext: (t) => {
        text += t;
      },
      onclosetag: (name) => {
        expect(open.pop()).toBe(name);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  expect(open).toEqual([]);
  return { text, tags };
}

describe("the house-style post", () => {
  it("has a bold headline linked to the story, the body, the italic time and source line, and the linked footer", () => {
    const post = formatPost(buildArticle({ id: 7 }), FORMAT);
    expect(post.kind).toBe("text");
    expect(post.html).toBe(
      '<a href="https://news.example.org/story/7"><b>China calls Russia ties solid as rock</b></a>\n\n' +
        "Wang Yi said relations were solid, writes Bloomberg.\n\nThe visit came a year after the invasion.\n\n" +
        "<i>9:58 23.02.2023</i> · Bloomberg\n" +
        '<a href="https://t.me/newsroom_test">read more in our Telegram-channel</a>',
    );
    expect(post.truncated).toBe(false);
    expect(post.linkPreview).toEqual({ is_disabled: true });
  });

  it("shows the time in the configured zone and leaves out an unknown source", () => {
    const post = formatPost(buildArticle({ source: null }), {
      ...FORMAT,
      timezone: "Europe/Moscow",
    });
    expect(post.html).toContain("\n\n<i>12:58 23.02.2023</i>\n<a href=");
  });

  it("writes the footer as plain text when there is no channel URL", () => {
    const post = formatPost(buildArticle({ url: null }), { ...FORMAT, channelUrl: undefined });
    expect(post.html.endsWith("\nread more in our Telegram-channel")).toBe(true);
    expect(post.html).not.toContain("<a ");
  });

  it("does not double the site's own footer line", () => {
    const body =
      "First paragraph of the story.\n\nLast paragraph.\n\nRead more in our Telegram-channel";
    const post = formatPost(buildArticle({ body }), FORMAT);
    const { text } = parseTelegramHtml(post.html);
    expect(text.toLowerCase().split("read more in our telegram-channel")).toHaveLength(2);
    expect(text).toContain("Last paragraph.\n\n9:58");
  });

  it("escapes every piece of article text", () => {
    const article = buildArticle({
      title: "<script>alert(1)</script> a < b & c > d",
      body: 'Unbalanced <b>bold and <i>italic</b> and &amp; and "quotes".',
      source: "<Evil & Co>",
      url: 'https://example.org/a?x=1&y="2"',
    });
    const post = formatPost(article, FORMAT);
    const { text, tags } = parseTelegramHtml(post.html);
    expect(tags.every((t) => TELEGRAM_TAGS.has(t))).toBe(true);
    expect(tags).toEqual(["a", "b", "i", "a"]);
    expect(post.html).toContain('<a href="https://example.org/a?x=1&amp;y=&quot;2&quot;"><b>');
    expect(text).toContain("<script>alert(1)</script> a < b & c > d");
    expect(text).toContain('Unbalanced <b>bold and <i>italic</b> and &amp; and "quotes".');
    expect(text).toContain("· <Evil & Co>");
  });

  it("plain fallback carries the same words and the links' addresses, without markup", () => {
    const post = formatPost(buildArticle({ id: 5, title: "A <b> title" }), FORMAT);
    expect(post.plain.startsWith("A <b> title\nhttps://news.example.org/story/5\n\n")).toBe(true);
    expect(post.plain).toContain("read more in our Telegram-channel: https://t.me/newsroom_test");
  });
});

describe("fitting Telegram's limits", () => {
  it("keeps the whole body when the post fits 4,096", () => {
    const body = sentences(60);
    const post = formatPost(buildArticle({ body }), FORMAT);
    expect(post.truncated).toBe(false);
    expect(parseTelegramHtml(post.html).text).toContain(body);
  });

  it("cuts a long story at a sentence end with … and a link to the full story", () => {
    const paragraphs = Array.from({ length: 20 }, (_, i) => sentences(8, `Paragraph${i + 1}`));
    const article = buildArticle({ id: 42, body: paragraphs.join("\n\n") });
    const post = formatPost(article, FORMAT);
    const { text } = parseTelegramHtml(post.html);
    expect(post.truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(post.visibleLength).toBe(text.length);
    expect(text.startsWith(`${article.title}\n\n${paragraphs[0]}\n\n${paragraphs[1]}`)).toBe(true);
    expect(text).toMatch(/matters\.…\nRead the full story\n\n9:58/);
    expect(post.html).toContain(
      '<a href="https://news.example.org/story/42">Read the full story</a>',
    );
  });

  it("links a cut story without a URL to the bot's deep link", () => {
    const article = buildArticle({ id: 99, url: null, body: sentences(300) });
    const post = formatPost(article, FORMAT);
    expect(post.html).toContain(
      '<a href="https://t.me/newsroom_test_bot?start=a99">Read the full story</a>',
    );
  });

  it("counts length in UTF-16 units: emoji count double", () => {
    const body = Array.from({ length: 1500 }, () => "🙂 ok.").join(" ");
    const post = formatPost(buildArticle({ body }), FORMAT);
    const { text } = parseTelegramHtml(post.html);
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(post.truncated).toBe(true);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("cuts a 10,000-character paragraph without spaces between graphemes", () => {
    const body = "👍🏽".repeat(2500);
    const post = formatPost(buildArticle({ body }), FORMAT);
    const { text } = parseTelegramHtml(post.html);
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(text).toMatch(/(👍🏽)+…\n/);
  });
});

describe("posts with an image", () => {
  const image = "https://news.example.org/img/1.jpg";

  it("is a photo post when the caption fits 1,024", () => {
    const post = formatPost(buildArticle({ imageUrl: image }), FORMAT);
    expect(post.kind).toBe("photo");
    expect(post.photoUrl).toBe(image);
    expect(post.visibleLength).toBeLessThanOrEqual(MAX_CAPTION_LENGTH);
  });

  it("is a text post with the image as its link preview when the caption would be too long", () => {
    const post = formatPost(buildArticle({ imageUrl: image, body: sentences(40) }), FORMAT);
    expect(post.kind).toBe("text");
    expect(post.truncated).toBe(false);
    expect(post.linkPreview).toEqual({
      url: image,
      prefer_large_media: true,
      show_above_text: true,
    });
  });

  it("ignores an image address that is not http(s)", () => {
    const post = formatPost(buildArticle({ imageUrl: "javascript:alert(1)" }), FORMAT);
    expect(post.kind).toBe("text");
    expect(post.linkPreview).toEqual({ is_disabled: true });
  });

  it("can be forced to a caption that fits 1,024 (to edit a photo post)", () => {
    const post = formatPost(buildArticle({ imageUrl: image, body: sentences(40) }), {
      ...FORMAT,
      kind: "photo",
    });
    expect(post.kind).toBe("photo");
    expect(post.truncated).toBe(true);
    expect(parseTelegramHtml(post.html).text.length).toBeLessThanOrEqual(MAX_CAPTION_LENGTH);
  });
});
