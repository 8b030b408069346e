import { afterEach, describe, expect, it } from "vitest";
import { readFeed } from "../../src/feeds/read-feed.js";
import { type Harness, startHarness } from "./publisher-harness.js";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const paragraphs = Array.from(
  { length: 60 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the report says the tides rose again overnight. Boats stayed in the harbour.</p>`,
).join("");

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>Coast News</title><link>https://coast.example.org/</link><language>en</language>
<item>
  <title>Tides rise along the coast</title>
  <link>https://coast.example.org/2024/tides?utm_source=rss&amp;utm_medium=feed&amp;id=7</link>
  <guid>tides-7</guid>
  <pubDate>Fri, 31 May 2024 08:00:00 +0000</pubDate>
  <media:thumbnail url="https://cdn.example.org/tides-640.jpg" width="640" height="427"/>
  <description><![CDATA[<img src="https://s.w.org/images/core/emoji/14.0.0/72x72/1f30a.png" class="wp-smiley">${paragraphs}]]></description>
</item>
<item>
  <title>Harbour webcam</title>
  <link>https://coast.example.org/2024/webcam</link>
  <guid>webcam-1</guid>
  <pubDate>Fri, 31 May 2024 09:00:00 +0000</pubDate>
  <description><![CDATA[<iframe src="https://www.youtube.com/embed/Wave12345ab"></iframe>]]></description>
</item>
</channel></rss>`;

describe("a feed item in the channel", () => {
  it("is posted with its headline linked to the clean story URL, its real picture, and cut at a sentence", async () => {
    h = await startHarness();
    const feed = readFeed(Buffer.from(FEED), {
      feedUrl: "https://coast.example.org/feed",
      now: Date.UTC(2024, 5, 1),
    });
    for (const item of feed.items) h.queue.enqueue(h.articles.store(item).article.id);
    await h.publisher.publishDue(2);
    const posts = h.posts();
    const tides = posts.find((p) => p.text.startsWith("Tides rise"))!;
    const webcam = posts.find((p) => p.text.startsWith("Harbour webcam"))!;

    // The caption would not fit 1,024: a text post with the picture as its large preview.
    expect(tides.kind).toBe("text");
    expect(tides.linkPreviewOptions).toMatchObject({
      url: "https://cdn.example.org/tides-640.jpg",
    });
    expect(tides.entities).toContainEqual({
      type: "text_link",
      offset: 0,
      length: "Tides rise along the coast".length,
      url: "https://coast.example.org/2024/tides?id=7",
    });
    expect(tides.text).toMatch(/Boats stayed in the harbour\.…\nRead the full story\n\n/);
    expect(tides.text).not.toMatch(/utm_/);
    expect(tides.text.endsWith("read more in our Telegram-channel")).toBe(true);

    expect(webcam.text).toContain("Video: https://www.youtube.com/watch?v=Wave12345ab");
    expect(webcam.entities).toContainEqual({
      type: "text_link",
      offset: 0,
      length: "Harbour webcam".length,
      url: "https://coast.example.org/2024/webcam",
    });
  });
});
