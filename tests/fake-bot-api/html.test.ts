import type { Bot } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeBotApi } from "../../src/sandbox/fake-bot-api.js";
import { refusal, startFakeAndBot } from "./harness.js";

const READER_CHAT = 2001;
let fake: FakeBotApi;
let bot: Bot;

beforeEach(async () => {
  ({ fake, bot } = await startFakeAndBot());
});
afterEach(() => fake.close());

const sendHtml = (html: string) => bot.api.sendMessage(READER_CHAT, html, { parse_mode: "HTML" });

describe("HTML the fake accepts, as Telegram shows it", () => {
  it("shows the text without markup and counts entity offsets in UTF-16 units", async () => {
    const sent = await sendHtml(
      '<b>Привет</b>, мир 👋 <a href="https://example.com/?a=1&amp;b=2">ссылка</a> &lt;3 &#128512; &#x41;',
    );
    // "Привет, мир 👋 " is 15 UTF-16 units: the wave emoji is a surrogate pair.
    expect(sent.text).toBe("Привет, мир 👋 ссылка <3 😀 A");
    expect(sent.entities).toEqual([
      { type: "bold", offset: 0, length: 6 },
      { type: "text_link", offset: 15, length: 6, url: "https://example.com/?a=1&b=2" },
    ]);
    expect(fake.messages(READER_CHAT)[0]).toMatchObject({
      kind: "text",
      text: "Привет, мир 👋 ссылка <3 😀 A",
      html: expect.stringContaining("<b>Привет</b>"),
    });
  });

  it("understands every tag Telegram supports, in any letter case", async () => {
    const sent = await sendHtml(
      [
        "<B>b</B><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins>",
        "<s>s</s><strike>k</strike><del>d</del><code>c</code>",
        '<tg-spoiler>p</tg-spoiler><span class="tg-spoiler">q</span>',
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
        "<blockquote>quote</blockquote><blockquote expandable>more</blockquote>",
      ].join(""),
    );
    expect(sent.entities?.map((e) => e.type)).toEqual([
      "bold",
      "bold",
      "italic",
      "italic",
      "underline",
      "underline",
      "strikethrough",
      "strikethrough",
      "strikethrough",
      "code",
      "spoiler",
      "spoiler",
      "custom_emoji",
      "blockquote",
      "expandable_blockquote",
    ]);
    expect(sent.entities?.[12]).toMatchObject({
      custom_emoji_id: "5368324170671202286",
      length: 2,
    });
  });

  it("turns <pre><code class=language-x> into one pre entity with its language", async () => {
    const sent = await sendHtml(
      '<pre><code class="language-typescript">const a = 1 &lt; 2;</code></pre>',
    );
    expect(sent.text).toBe("const a = 1 < 2;");
    expect(sent.entities).toEqual([{ type: "pre", offset: 0, length: 16, language: "typescript" }]);
  });

  it("lists nested entities outer first and drops formatting inside code", async () => {
    const nested = await sendHtml("<b>bold <i>both</i></b>");
    expect(nested.entities).toEqual([
      { type: "bold", offset: 0, length: 9 },
      { type: "italic", offset: 5, length: 4 },
    ]);
    const code = await sendHtml("<code>x <b>y</b></code>");
    expect(code.entities).toEqual([{ type: "code", offset: 0, length: 3 }]);
  });

  it("trims blank lines around the text and moves entities with it", async () => {
    const sent = await sendHtml("\n\n  <b>Title</b>\n\nBody\n");
    expect(sent.text).toBe("Title\n\nBody");
    expect(sent.entities).toEqual([{ type: "bold", offset: 0, length: 5 }]);
  });

  it("keeps single quotes, unquoted values and > in text", async () => {
    const sent = await sendHtml("<a href='https://t.me/newsroom'>channel</a> -> <pre>x</pre>");
    expect(sent.text).toBe("channel -> x");
    expect(sent.entities?.[0]).toMatchObject({ type: "text_link", url: "https://t.me/newsroom" });
  });
});

describe("HTML the fake refuses, with Telegram's byte offset", () => {
  const cases: Array<[string, string, string]> = [
    ["an unknown tag", "Привет <foo>x</foo>", 'Unsupported start tag "foo" at byte offset 13'],
    [
      "a <br>, which Telegram does not know",
      "line<br>next",
      'Unsupported start tag "br" at byte offset 4',
    ],
    ["a bare <", "1 < 2", 'Unsupported start tag "" at byte offset 2'],
    [
      "an unclosed tag",
      "ok <b>bold",
      'Can\'t find end tag corresponding to start tag "b" at byte offset 3',
    ],
    [
      "a mismatched end tag",
      "<b>x</i>",
      'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"',
    ],
    ["an end tag with no start", "x</b>", "Unexpected end tag at byte offset 1"],
    ["a start tag cut off", "🙂 <b", "Unclosed start tag at byte offset 5"],
    [
      "a span that is not a spoiler",
      "<span>x</span>",
      'Tag "span" must have class "tg-spoiler" at byte offset 0',
    ],
    [
      "a bare &",
      "AT&T",
      'Character "&" must be escaped as "&amp;" unless it starts an entity at byte offset 2',
    ],
    [
      "an HTML entity Telegram does not know",
      "ё&nbsp;",
      'Character "&" must be escaped as "&amp;" unless it starts an entity at byte offset 2',
    ],
    [
      "an unescaped & inside an href",
      '<a href="https://x.test/?a=1&b=2">x</a>',
      'Character "&" must be escaped as "&amp;" unless it starts an entity at byte offset 28',
    ],
  ];

  for (const [what, html, reason] of cases) {
    it(`refuses ${what}`, async () => {
      const error = await refusal(sendHtml(html));
      expect(error.error_code).toBe(400);
      expect(error.description).toBe(`Bad Request: can't parse entities: ${reason}`);
      expect(fake.messages()).toEqual([]);
    });
  }

  it("checks captions the same way", async () => {
    const error = await refusal(
      bot.api.sendPhoto(READER_CHAT, "https://example.com/cover.jpg", {
        caption: "<p>x</p>",
        parse_mode: "HTML",
      }),
    );
    expect(error.description).toBe(
      `Bad Request: can't parse entities: Unsupported start tag "p" at byte offset 0`,
    );
  });

  it("leaves text sent without parse_mode as it is", async () => {
    const sent = await bot.api.sendMessage(READER_CHAT, "1 < 2 & <b>not bold</b>");
    expect(sent.text).toBe("1 < 2 & <b>not bold</b>");
    expect(sent.entities).toBeUndefined();
  });
});
