import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFeed } from "../../src/feeds/read-feed.js";
import {
  hasSharedFixtures,
  SHARED_FIXTURES,
  SHARED_FIXTURES_MISSING,
} from "../support/fixtures.js";

const FEEDS = join(SHARED_FIXTURES, "feeds");
const read = (file: string) =>
  readFeed(readFileSync(join(FEEDS, file)), { feedUrl: `https://feeds.example.com/${file}` });

describe.skipIf(!hasSharedFixtures)(
  `pictures in the shared feed corpus (${hasSharedFixtures ? FEEDS : SHARED_FIXTURES_MISSING})`,
  () => {
    it("never takes a FeedBurner button, an ad pixel, a smiley or a tracking image for a picture", () => {
      const pictures = readdirSync(FEEDS, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((d) => readdirSync(join(FEEDS, d.name)).map((f) => `${d.name}/${f}`))
        .filter((f) => !f.includes("not_a_feed") && !f.includes("malformed"))
        .flatMap((f) => read(f).items.map((i) => i.imageUrl))
        .filter((u): u is string => Boolean(u));
      expect(pictures.length).toBeGreaterThan(500);
      const bad = pictures.filter((u) =>
        /\/~(?:ff|r)\/|pheedo|doubleclick|smilies|emoji|pixel|__ptq|\/_\/stat|fsdn\.com\/sd\/\w+_icon/i.test(
          u,
        ),
      );
      expect(bad).toEqual([]);
    });

    it("skips FeedBurner's share buttons in Reuters and the Washington Post's ad images", () => {
      expect(read("rss2/reuters_feedburner.xml").items.every((i) => i.imageUrl === null)).toBe(
        true,
      );
      expect(read("rss2/washingtonpost_wellness.xml").items.every((i) => i.imageUrl === null)).toBe(
        true,
      );
    });

    it("gives the Verge's embedded YouTube videos a line in the body", () => {
      const bodies = read("atom/the_verge_front_pages.atom").items.map((i) => i.body);
      expect(
        bodies.filter((b) => /^Video: https:\/\/www\.youtube\.com\/watch\?v=[\w-]+$/m.test(b))
          .length,
      ).toBeGreaterThan(0);
    });
  },
);
