/**
 * Feed quality over the shared corpus (../shared/fixtures/feeds): for every folder, the items
 * read and the share of them with a link, a date, a body and a picture, and the share of
 * pictures that look like icons, so a regression in cleaning or picture choice shows.
 *
 * Side by side with the rule before this one ("first image found": enclosure, media:content,
 * media:thumbnail, then the first <img> not declared 1×1), on the same parsed entries.
 * "Looks like an icon" is judged by a broad net of address words of its own (smiley, emoji, icon,
 * pixel, FeedBurner, ad servers, avatars, buttons…), not by the rule under test.
 *
 *   npm run bench -- feed-quality
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleInput } from "../src/articles/article.js";
import { decodeFeedBytes } from "../src/feeds/decode-feed-bytes.js";
import { FeedParseError } from "../src/feeds/feed-errors.js";
import { feedToArticles, resolveHttpUrl } from "../src/feeds/feed-to-articles.js";
import { htmlToText } from "../src/feeds/html-to-text.js";
import { parseFeedText, type RawFeedItem } from "../src/feeds/parse-feed.js";
import { hasSharedFixtures, SHARED_FIXTURES } from "../tests/support/fixtures.js";

/** Address words of images that are not a story's picture; deliberately wider than the product's rule. */
const ICON_NET =
  /smil(?:ey|ie)|emoji|emoticon|icon|favicon|\/~\w+\/|feedburner|feedproxy|doubleclick|pheedo|bluekai|adsrvr|__ptq|\/_\/stat|pixel|spacer|blank\.gif|1x1|tracking|avatar|gravatar|badge|button|\/cta\/|\.ico$|\.svg$/i;

interface Tally {
  files: number;
  refused: number;
  items: number;
  link: number;
  date: number;
  body: number;
  picture: number;
  iconLike: number;
  oldPicture: number;
  oldIconLike: number;
}

const emptyTally = (): Tally => ({
  files: 0,
  refused: 0,
  items: 0,
  link: 0,
  date: 0,
  body: 0,
  picture: 0,
  iconLike: 0,
  oldPicture: 0,
  oldIconLike: 0,
});

/** The picture the previous rule took: the first candidate of any kind, unless declared 1×1. */
function firstImageFound(item: RawFeedItem, base: string | undefined): string | undefined {
  const p = item.pictures;
  const inline = item.html ? htmlToText(item.html).images : [];
  const notPixel = inline.filter((i) => !((i.width ?? 2) <= 1 || (i.height ?? 2) <= 1));
  return [...p.enclosures, ...p.media, ...p.thumbnails, ...p.featured, ...notPixel]
    .map((c) => resolveHttpUrl(c.url, base))
    .find(Boolean);
}

function count(
  tally: Tally,
  items: readonly ArticleInput[],
  old: readonly (string | undefined)[],
): void {
  tally.items += items.length;
  for (const item of items) {
    if (item.url) tally.link++;
    if (item.publishedAt !== null && item.publishedAt !== undefined) tally.date++;
    if (item.body.trim() !== "") tally.body++;
    if (item.imageUrl) {
      tally.picture++;
      if (ICON_NET.test(item.imageUrl)) tally.iconLike++;
    }
  }
  for (const url of old) {
    if (!url) continue;
    tally.oldPicture++;
    if (ICON_NET.test(url)) tally.oldIconLike++;
  }
}

function measureFile(path: string, feedUrl: string, tally: Tally): void {
  tally.files++;
  let raw: ReturnType<typeof parseFeedText>;
  try {
    raw = parseFeedText(decodeFeedBytes(readFileSync(path)));
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    tally.refused++;
    return;
  }
  const feed = feedToArticles(raw, { feedUrl, maxItems: Number.POSITIVE_INFINITY });
  const base = feed.link ?? feedUrl;
  const kept = raw.items.filter((i) => i.title?.trim() || i.html?.trim() || i.text?.trim());
  count(
    tally,
    feed.items,
    kept.map((i) => firstImageFound(i, base)),
  );
}

const pct = (part: number, whole: number) =>
  whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)}%`;

function row(name: string, t: Tally): string[] {
  return [
    name,
    String(t.files),
    String(t.refused),
    String(t.items),
    pct(t.link, t.items),
    pct(t.date, t.items),
    pct(t.body, t.items),
    `${pct(t.picture, t.items)} / ${pct(t.oldPicture, t.items)}`,
    `${pct(t.iconLike, t.picture)} / ${pct(t.oldIconLike, t.oldPicture)}`,
  ];
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length)));
  rows.forEach((cells, i) => {
    console.log(`| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`);
    if (i === 0) console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  });
}

export async function run(): Promise<void> {
  if (!hasSharedFixtures) {
    console.log(`feed-quality: shared fixtures not found at ${SHARED_FIXTURES}: nothing measured`);
    return;
  }
  const root = join(SHARED_FIXTURES, "feeds");
  const total = emptyTally();
  const rows = [
    [
      "folder",
      "files",
      "refused",
      "items read",
      "with link",
      "with date",
      "with body",
      "with picture (ours / first found)",
      "pictures like icons (ours / first found)",
    ],
  ];
  for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const tally = emptyTally();
    for (const name of readdirSync(join(root, dir.name)).sort()) {
      measureFile(
        join(root, dir.name, name),
        `https://feeds.example.com/${dir.name}/${name}`,
        tally,
      );
    }
    rows.push(row(dir.name, tally));
    for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key];
  }
  rows.push(row("all", total));
  console.log(`feed-quality: ${total.files} files from ${root}`);
  printTable(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
