import { describe, expect, it } from "vitest";
import { readFeed } from "../../src/feeds/read-feed.js";

const NOW = Date.UTC(2024, 5, 1);
const read = (xml: string, feedUrl = "https://site.example.org/feed.xml") =>
  readFeed(Buffer.from(xml, "utf8"), { feedUrl, now: NOW });

const MEDIA_NS = 'xmlns:media="http://search.yahoo.com/mrss/"';

/** An RSS 2.0 feed of the given items (their inner XML). */
const rss = (items: string[], language = "en") =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ${MEDIA_NS} xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Site</title><link>https://site.example.org/</link><language>${language}</language>${items
    .map((i) => `<item>${i}</item>`)
    .join("")}</channel></rss>`;

const html = (markup: string) => `<description><![CDATA[${markup}]]></description>`;

const YOUTUBE_ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" ${MEDIA_NS} xmlns="http://www.w3.org/2005/Atom">
  <title>City Council Channel</title>
  <link rel="alternate" href="https://www.youtube.com/channel/UC123"/>
  <entry>
    <id>yt:video:abcDEF12345</id>
    <yt:videoId>abcDEF12345</yt:videoId>
    <title>Budget hearing, part 1</title>
    <link rel="alternate" href="https://www.youtube.com/watch?v=abcDEF12345"/>
    <published>2024-05-30T10:00:00+00:00</published>
    <media:group>
      <media:title>Budget hearing, part 1</media:title>
      <media:content url="https://www.youtube.com/v/abcDEF12345?version=3" type="application/x-shockwave-flash" width="640" height="390"/>
      <media:thumbnail url="https://i1.ytimg.com/vi/abcDEF12345/hqdefault.jpg" width="480" height="360"/>
      <media:description>The council discusses the 2025 budget.
Questions from residents follow.</media:description>
    </media:group>
  </entry>
</feed>`;

describe("the right picture", () => {
  it("takes a YouTube entry's media:group thumbnail, and its media:description as the body", () => {
    const item = read(YOUTUBE_ATOM).items[0];
    expect(item?.imageUrl).toBe("https://i1.ytimg.com/vi/abcDEF12345/hqdefault.jpg");
    expect(item?.body).toBe(
      "The council discusses the 2025 budget.\nQuestions from residents follow.",
    );
  });

  it("takes the largest image of a media:group", () => {
    const group = `<title>Gallery</title><link>https://site.example.org/g</link><media:group>
      <media:content url="https://cdn.example.org/s.jpg" medium="image" width="320" height="180"/>
      <media:content url="https://cdn.example.org/l.jpg" medium="image" width="1920" height="1080"/>
      <media:content url="https://cdn.example.org/m.jpg" medium="image" width="800" height="450"/>
      <media:content url="https://cdn.example.org/clip.mp4" medium="video" width="3840" height="2160"/>
    </media:group>`;
    expect(read(rss([group])).items[0]?.imageUrl).toBe("https://cdn.example.org/l.jpg");
  });

  it("takes the largest media:thumbnail, before an enclosure and inline images", () => {
    const item = `<title>Thumbs</title><link>https://site.example.org/t</link>
      <media:thumbnail url="https://cdn.example.org/t-small.jpg" width="120" height="90"/>
      <media:thumbnail url="https://cdn.example.org/t-big.jpg" width="640" height="480"/>
      <enclosure url="https://cdn.example.org/enc.jpg" type="image/jpeg" length="1"/>
      ${html('<p>Text <img src="https://cdn.example.org/inline.jpg"></p>')}`;
    expect(read(rss([item])).items[0]?.imageUrl).toBe("https://cdn.example.org/t-big.jpg");
  });

  it("takes an image enclosure before the first <img>, and ignores an audio enclosure", () => {
    const item = `<title>Enclosed</title><link>https://site.example.org/e</link>
      <enclosure url="https://cdn.example.org/show.mp3" type="audio/mpeg" length="1"/>
      <enclosure url="https://cdn.example.org/photo.jpg" type="image/jpeg" length="1"/>
      ${html('<p>Text <img src="https://cdn.example.org/inline.jpg"></p>')}`;
    expect(read(rss([item])).items[0]?.imageUrl).toBe("https://cdn.example.org/photo.jpg");
  });

  it("takes a JSON Feed item's own image", () => {
    const json = JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: "J",
      items: [
        {
          id: "1",
          url: "https://j.example.org/1",
          title: "One",
          content_html:
            '<p>Hi <img src="https://s.w.org/images/core/emoji/14.0.0/72x72/1f600.png"></p>',
          image: "https://j.example.org/featured.jpg",
        },
      ],
    });
    expect(read(json).items[0]?.imageUrl).toBe("https://j.example.org/featured.jpg");
  });

  it("skips smileys, emoji, share buttons, pixels, file icons, tiny images and banners for the real <img>", () => {
    const content = [
      '<img src="https://blog.example.org/wp-includes/images/smilies/icon_smile.gif" class="wp-smiley">',
      '<img src="https://s.w.org/images/core/emoji/14.0.0/72x72/1f389.png" alt="🎉" class="emoji">',
      '<a href="http://feeds.feedburner.com/~ff/Blog?a=x"><img src="http://feeds.feedburner.com/~ff/Blog?d=yIl2AUoC8zA" border="0"></a>',
      '<img src="https://stats.example.org/p.gif" width="1" height="1">',
      '<img src="/icons/pdf.gif"> Report (PDF)',
      '<img src="/images/xls.gif"> Figures (XLS)',
      '<img src="https://blog.example.org/wp-includes/images/media/document.png">',
      '<img src="https://cdn.example.org/author.jpg" width="40" height="40">',
      '<img src="https://ads.example.org/468-60.gif" width="468" height="60">',
      '<img src="https://cdn.example.org/twitter_icon_large.png">',
      '<img class="hs-cta-img" src="https://cdn.example.org/cta/button.png">',
      '<p>The story.</p><img src="/uploads/2024/05/harbour.jpg" width="1200" height="800">',
    ].join("");
    const feed = read(
      rss([`<title>Icons</title><link>https://site.example.org/i</link>${html(content)}`]),
    );
    expect(feed.items[0]?.imageUrl).toBe("https://site.example.org/uploads/2024/05/harbour.jpg");
  });

  it("skips icon-like Media RSS images too, and leaves an item with only icons without a picture", () => {
    const item = `<title>Only icons</title><link>https://site.example.org/o</link>
      <media:thumbnail url="https://cdn.example.org/favicon.ico"/>
      <media:content url="https://cdn.example.org/thumb.jpg" medium="image" width="32" height="32"/>
      ${html('<p>Words.</p><img src="http://feeds.feedburner.com/~r/Blog/~4/abc" height="1" width="1">')}`;
    expect(read(rss([item])).items[0]?.imageUrl).toBeNull();
  });

  it("uses a lazy-loaded image's data-src rather than its placeholder", () => {
    const item = `<title>Lazy</title><link>https://site.example.org/l</link>${html(
      '<img src="data:image/gif;base64,R0lGOD" data-src="https://cdn.example.org/real.jpg"><p>Text.</p>',
    )}`;
    expect(read(rss([item])).items[0]?.imageUrl).toBe("https://cdn.example.org/real.jpg");
  });
});

describe("media:description", () => {
  it("is not used when the item has text of its own", () => {
    const item = `<title>Both</title><link>https://site.example.org/b</link>
      <description>The item's own text.</description>
      <media:description>A caption of the photo.</media:description>`;
    expect(read(rss([item])).items[0]?.body).toBe("The item's own text.");
  });

  it("titles an item that has only a media:description", () => {
    const item = `<link>https://site.example.org/d</link>
      <media:content url="https://cdn.example.org/p.jpg" medium="image"><media:description>Floods in the valley. More rain is due.</media:description></media:content>`;
    const got = read(rss([item])).items[0];
    expect(got?.title).toBe("Floods in the valley.");
    expect(got?.body).toBe("Floods in the valley. More rain is due.");
  });
});

describe("embeds are not lost", () => {
  const item = (content: string, extra = "") =>
    `<title>Clip</title><link>https://site.example.org/clip</link>${extra}${html(content)}`;

  it("turns a YouTube iframe into a line with the watch link, where it stood", () => {
    const feed = read(
      rss([
        item(
          '<p>Watch the launch:</p><iframe src="//www.youtube.com/embed/Xy_z123abcd?rel=0"></iframe><p>More soon.</p>',
        ),
      ]),
    );
    expect(feed.items[0]?.body).toBe(
      "Watch the launch:\n\nVideo: https://www.youtube.com/watch?v=Xy_z123abcd\n\nMore soon.",
    );
  });

  it("makes a video-only item a post that says what it is", () => {
    const feed = read(
      rss([item('<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e"></iframe>')]),
    );
    expect(feed.items[0]).toMatchObject({
      title: "Clip",
      body: "Video: https://vimeo.com/76979871",
    });
  });

  it("turns <video> with a relative <source> and <audio> into lines, dropping their fallback text", () => {
    const feed = read(
      rss([
        item(
          '<video controls poster="/p.jpg"><source src="/media/clip.mp4" type="video/mp4">Your browser cannot play this.</video>' +
            '<audio src="https://cdn.example.org/interview.mp3">No audio support.</audio>',
        ),
      ]),
    );
    expect(feed.items[0]?.body).toBe(
      "Video: https://site.example.org/media/clip.mp4\n\nAudio: https://cdn.example.org/interview.mp3",
    );
  });

  it("adds a line for a link to a YouTube or Vimeo video, once, at the end", () => {
    const feed = read(
      rss([
        item(
          '<p>See <a href="https://youtu.be/Ab12Cd34Ef5">the clip</a> and <a href="https://www.youtube.com/watch?v=Ab12Cd34Ef5&t=10">again</a>; also <a href="https://vimeo.com/channels/staff">a channel</a>.</p>',
        ),
      ]),
    );
    expect(feed.items[0]?.body).toBe(
      "See the clip and again; also a channel.\n\nVideo: https://www.youtube.com/watch?v=Ab12Cd34Ef5",
    );
  });

  it("labels lines in the feed's language", () => {
    const feed = read(
      rss(
        [item('<p>Смотрите:</p><iframe src="https://www.youtube.com/embed/Xy_z123abcd"></iframe>')],
        "ru",
      ),
    );
    expect(feed.items[0]?.body).toBe(
      "Смотрите:\n\nВидео: https://www.youtube.com/watch?v=Xy_z123abcd",
    );
  });

  it("gives a page of thousands of players no more than 20 lines", () => {
    const players = Array.from(
      { length: 5000 },
      (_, i) =>
        `<iframe src="https://www.youtube.com/embed/vid${String(i).padStart(8, "0")}"></iframe>`,
    ).join("");
    const body = read(rss([item(`<p>Playlist.</p>${players}`)])).items[0]?.body ?? "";
    expect(body.split("\n\n")).toHaveLength(21);
    expect(body).toContain("Video: https://www.youtube.com/watch?v=vid00000019");
    expect(body).not.toContain("vid00000020");
  });

  it("gives no line to an iframe that is not a player (a map, an ad)", () => {
    const feed = read(
      rss([
        item(
          '<p>Where it happened.</p><iframe src="https://maps.example.com/embed?pb=1"></iframe>',
        ),
      ]),
    );
    expect(feed.items[0]?.body).toBe("Where it happened.");
  });

  it("keeps a YouTube entry's description before the line of a video embedded in its content", () => {
    const entry = YOUTUBE_ATOM.replace(
      "<media:group>",
      '<content type="html">&lt;iframe src="https://www.youtube.com/embed/abcDEF12345"&gt;&lt;/iframe&gt;</content><media:group>',
    );
    expect(read(entry).items[0]?.body).toBe(
      "The council discusses the 2025 budget.\nQuestions from residents follow.\n\nVideo: https://www.youtube.com/watch?v=abcDEF12345",
    );
  });
});
