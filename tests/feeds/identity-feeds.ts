/**
 * Small feeds written for the identity tests, one per shape real feeds take: a podcast whose
 * episodes all link to the show, a blog whose posts differ only by #fragment, a linked-list
 * blog, a feed listing one guid twice, guid-less items sharing one link.
 */

export interface Item {
  readonly title: string;
  readonly text: string;
  readonly link?: string;
  readonly guid?: string;
  readonly date?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An RSS 2.0 feed with these items, in this order. */
export function rss(title: string, items: readonly Item[]): string {
  const body = items
    .map(
      (i) => `  <item>
    <title>${esc(i.title)}</title>
${i.link ? `    <link>${esc(i.link)}</link>\n` : ""}${i.guid ? `    <guid isPermaLink="false">${esc(i.guid)}</guid>\n` : ""}${i.date ? `    <pubDate>${i.date}</pubDate>\n` : ""}    <description>${esc(i.text)}</description>
  </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>${esc(title)}</title>
  <link>https://feeds.example/</link>
${body}
</channel></rss>`;
}

const day = (d: number) => new Date(Date.UTC(2024, 4, d, 9)).toUTCString();

/** A podcast: every episode has its own guid but links to the show's page. */
export const podcast = (episodes: number) =>
  rss(
    "The Weekly Show",
    Array.from({ length: episodes }, (_, i) => ({
      title: `Episode ${episodes - i}: guest number ${episodes - i}`,
      text: `In episode ${episodes - i} we talk to guest number ${episodes - i} about their work.`,
      link: "https://pod.example/show",
      guid: `pod-episode-${episodes - i}`,
      date: day(20 - i),
    })),
  );

/** A day's posts of a live blog: no guids, one page, one #anchor per post. */
export const fragmentPosts = rss(
  "Live notes",
  ["morning", "noon", "evening"].map((when, i) => ({
    title: `Notes of the ${when}`,
    text: `What happened in the ${when}: item ${i + 1} of the day.`,
    link: `https://live.example/2024/05/14#${when}`,
    date: day(14),
  })),
);

/** A linked-list blog: each post has its own guid; two posts link to the same outside page. */
export const linkedList = rss("Linked List", [
  {
    title: "A fine essay on typography",
    text: "Worth reading for the part on ligatures.",
    link: "https://essays.example/typography",
    guid: "ll-1",
    date: day(10),
  },
  {
    title: "Follow-up: the typography essay again",
    text: "The author answered my question about kerning.",
    link: "https://essays.example/typography",
    guid: "ll-2",
    date: day(11),
  },
]);

/** One guid listed twice with different texts (first A, then B, or the other way round). */
export const guidTwice = (first: "A" | "B") => {
  const a = {
    title: "Budget passed",
    text: "Version A: the council passed the budget.",
    guid: "twice",
    link: "https://twice.example/budget",
    date: day(12),
  };
  const b = { ...a, text: "Version B: the budget was passed by the council tonight." };
  return rss("Twice", first === "A" ? [a, b] : [b, a]);
};

/** Guid-less items that share one link, told apart by their headlines. */
export const sharedLink = (titles: readonly string[]) =>
  rss(
    "Shared link",
    titles.map((title) => ({
      title,
      text: `${title}: the full text of this note.`,
      link: "https://shared.example/updates",
      date: day(13),
    })),
  );
