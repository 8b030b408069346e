/**
 * The sample feed the sandbox serves itself (RSS 2.0 at /sample/feed.xml, pictures at
 * /sample/images/…), so `/addfeed` and polling work with no internet. It starts with three
 * stories; `addStory()` publishes the next one, so an editor can watch a feed item become a
 * queued post and then a channel post.
 */

interface SampleStory {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly hue: number;
}

const STORIES: readonly SampleStory[] = [
  {
    slug: "lighthouse",
    title: "Gull Island lighthouse opens its stairs to visitors",
    summary:
      "For the first time in forty years visitors can climb the 112 steps of the Gull Island lighthouse. Tours run every Saturday in summer and must be booked a week ahead.",
    hue: 200,
  },
  {
    slug: "choir",
    title: "Riverton youth choir wins the valley song contest",
    summary:
      "Thirty singers aged nine to sixteen won the valley song contest with a programme of old river songs. The choir will sing again at the harbour festival in August.",
    hue: 320,
  },
  {
    slug: "orchard",
    title: "Volunteers save an old orchard from the new ring road",
    summary:
      "The council agreed to move the planned ring road fifty metres east after volunteers mapped 140 old apple trees, some of them of varieties found nowhere else.",
    hue: 100,
  },
  {
    slug: "regatta",
    title: "Rowing regatta returns to the river after ten years",
    summary:
      "Twenty-two crews from four towns will race on the river on Sunday, the first regatta since the old boat club closed. The course runs from the mill to the Old Stone Bridge.",
    hue: 30,
  },
  {
    slug: "observatory",
    title: "Hill observatory invites the public to watch a meteor shower",
    summary:
      "The observatory on Beacon Hill opens its terrace on Tuesday night for the peak of the summer meteor shower. Astronomers will bring telescopes; visitors should bring blankets.",
    hue: 250,
  },
  {
    slug: "bakery",
    title: "The oldest bakery in town celebrates its hundredth birthday",
    summary:
      "Hartley's bakery on Mill Street opened in 1926 and still bakes its rye loaf to the first owner's recipe. On Saturday every customer gets a slice of birthday cake.",
    hue: 45,
  },
];

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A picture for a story: a gradient with its headline, drawn as SVG (nothing to download). */
export function storyImage(slug: string): string | undefined {
  const story = STORIES.find((s) => s.slug === slug);
  if (!story) return undefined;
  const words = story.title.split(" ");
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= 26)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const text = lines
    .map(
      (line, i) =>
        `<text x="48" y="${300 - (lines.length - 1 - i) * 52}">${escapeXml(line)}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400" viewBox="0 0 800 400">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${story.hue} 70% 55%)"/><stop offset="1" stop-color="hsl(${(story.hue + 60) % 360} 60% 35%)"/>
</linearGradient></defs><rect width="800" height="400" fill="url(#g)"/>
<circle cx="680" cy="90" r="60" fill="#fff" opacity=".18"/>
<g font-family="sans-serif" font-size="44" font-weight="700" fill="#fff">${text}</g></svg>`;
}

/** The story's web page, which the feed item links to (title, picture, text). */
export function storyPage(slug: string): string | undefined {
  const story = STORIES.find((s) => s.slug === slug);
  if (!story) return undefined;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(story.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 16px;line-height:1.5;color:#141a21}img{width:100%;border-radius:12px}</style></head>
<body><p><small>Riverton Courier · a sample page served by the newsroom sandbox</small></p><h1>${escapeXml(story.title)}</h1>
<img src="../images/${story.slug}.svg" alt=""><p>${escapeXml(story.summary)}</p></body></html>`;
}

/** Creates the feed; `baseUrl` is where the sandbox's web server answers. */
export function createSampleFeed(baseUrl: string, now: () => number = Date.now) {
  const published: Array<{ story: SampleStory; at: number }> = STORIES.slice(0, 3).map(
    (story, i) => ({ story, at: now() - (3 - i) * 3_600_000 }),
  );

  return {
    url: `${baseUrl}/sample/feed.xml`,

    /** The RSS document as it stands now, newest first. */
    xml(): string {
      const items = [...published]
        .reverse()
        .map(({ story, at }) => {
          const link = `${baseUrl}/sample/stories/${story.slug}`;
          return `<item><title>${escapeXml(story.title)}</title><link>${link}</link><guid>${link}</guid><pubDate>${new Date(at).toUTCString()}</pubDate><description>${escapeXml(story.summary)}</description><enclosure url="${baseUrl}/sample/images/${story.slug}.svg" type="image/svg+xml" length="2000"/></item>`;
        })
        .join("\n");
      return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Riverton Courier (sample feed)</title><link>${baseUrl}/sample/</link><description>A feed served by the sandbox itself</description>
${items}
</channel></rss>`;
    },

    /** Publishes the next story in the feed; undefined when all six are out. */
    addStory(): string | undefined {
      const next = STORIES[published.length];
      if (!next) return undefined;
      published.push({ story: next, at: now() });
      return next.title;
    },

    /** How many more stories addStory can publish. */
    get remaining(): number {
      return STORIES.length - published.length;
    },
  };
}

export type SampleFeed = ReturnType<typeof createSampleFeed>;
