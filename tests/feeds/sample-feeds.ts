/** Small feeds written for these tests, one per format and quirk. */

export const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Daily &amp; Nightly News</title>
  <link>https://news.example.org/</link>
  <language>en-GB</language>
  <item>
    <title>Council &amp;amp; mayor agree &lt;b&gt;budget&lt;/b&gt;</title>
    <link>/2024/05/budget</link>
    <guid isPermaLink="false">budget-2024</guid>
    <pubDate>Tue, 14 May 2024 09:30:00 +0000</pubDate>
    <description>&lt;p&gt;The council met &amp;amp; agreed.&lt;script&gt;alert("x")&lt;/script&gt;&lt;/p&gt;&lt;p&gt;Second &lt;a href="/x"&gt;paragraph&lt;/a&gt;.&lt;/p&gt;</description>
    <enclosure url="https://cdn.example.org/budget.jpg" type="image/jpeg" length="1000"/>
  </item>
  <item>
    <title>Storm warning</title>
    <link>https://news.example.org/2024/05/storm</link>
    <pubDate>not a date at all</pubDate>
    <content:encoded><![CDATA[<div><img src="/img/storm.png"><p>Winds of 90&nbsp;km/h.</p><style>p{color:red}</style><p>Stay inside.<br>Really.</p></div>]]></content:encoded>
  </item>
  <item>
    <title>&lt;span&gt; &lt;/span&gt;</title>
    <description>&lt;script&gt;track()&lt;/script&gt;&lt;img src="https://t.example/p.gif" width="1" height="1"&gt;</description>
  </item>
  <item>
    <description>A short note without a headline. It has two sentences.</description>
    <guid>https://news.example.org/notes/1</guid>
    <media:thumbnail url="https://cdn.example.org/note.jpg"/>
  </item>
</channel>
</rss>`;

export const RDF = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.net/">
    <title>RDF Wire</title>
    <link>https://rdf.example.net/</link>
    <dc:language>de</dc:language>
  </channel>
  <item rdf:about="https://rdf.example.net/a/1">
    <title>Erste Meldung</title>
    <link>https://rdf.example.net/a/1</link>
    <description>Grüße aus Köln.</description>
    <dc:date>2024-03-01T10:00:00+01:00</dc:date>
  </item>
</rdf:RDF>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr" xml:base="https://atom.example.com/blog/">
  <title type="text">Le Blog</title>
  <link rel="alternate" href="https://atom.example.com/"/>
  <id>urn:example:blog</id>
  <updated>2024-02-02T12:00:00Z</updated>
  <entry>
    <title type="html">Caf&amp;eacute; &amp;amp; cr&#xE8;me</title>
    <link rel="alternate" href="posts/cafe"/>
    <id>urn:example:cafe</id>
    <updated>2024-02-02T12:00:00Z</updated>
    <published>2024-02-01T08:00:00Z</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Premier paragraphe.</p><p>Deuxième.</p></div></content>
  </entry>
</feed>`;

export const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "JSON Times",
  home_page_url: "https://json.example.io/",
  feed_url: "https://json.example.io/feed.json",
  language: "es",
  items: [
    {
      id: "j1",
      url: "/posts/uno",
      title: "Uno",
      content_text: "Primera línea.\n\nSegundo párrafo.",
      image: "/img/uno.jpg",
      date_published: "2024-04-04T04:04:04Z",
    },
    {
      id: "j2",
      url: "https://json.example.io/posts/dos",
      title: "Dos",
      content_html: "<p>Hola &amp; adiós</p>",
    },
  ],
});

/** An RSS feed in a given encoding's declaration; callers encode the bytes. */
export function cyrillicRss(encoding: string | null, title: string, text: string): string {
  const declaration = encoding ? `<?xml version="1.0" encoding="${encoding}"?>\n` : "";
  return `${declaration}<rss version="2.0"><channel><title>Новости</title><link>https://ru.example.ru/</link><language>ru</language>
<item><title>${title}</title><link>https://ru.example.ru/1</link><description>${text}</description><pubDate>Mon, 01 Jan 2024 12:00:00 +0300</pubDate></item>
</channel></rss>`;
}

/** An RSS feed with `count` dated items, the newest last, to test the per-feed cap. */
export function manyItemsRss(count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><title>Item ${i}</title><link>https://many.example.org/${i}</link><pubDate>${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toUTCString()}</pubDate><description>Text ${i}</description></item>`,
  ).join("");
  return `<rss version="2.0"><channel><title>Many</title><link>https://many.example.org/</link>${items}</channel></rss>`;
}

export const HTML_PAGE = `<!DOCTYPE html><html><head><title>Moved</title></head><body><h1>Object moved</h1></body></html>`;
