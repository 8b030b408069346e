import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const README_MAX_LINES = 250;

/** README.md and every docs/*.md, as paths from the project's root. */
function documents(): string[] {
  const docs = readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => join("docs", name));
  return ["README.md", ...docs.sort()];
}

/** The text outside fenced code blocks, where a `#` line is no heading. */
function withoutFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
}

/** The text outside code blocks and inline code, where a link is only an example. */
function prose(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, "");
}

/** GitHub's heading anchor: lower case, punctuation dropped except - and _, spaces to -. */
function slugOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** Every heading's anchor in a document, with GitHub's -1, -2 … for repeated headings. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split("\n")) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = slugOf(heading[1]!);
    const times = seen.get(slug) ?? 0;
    seen.set(slug, times + 1);
    anchors.add(times === 0 ? slug : `${slug}-${times}`);
  }
  return anchors;
}

interface Link {
  readonly from: string;
  readonly target: string;
}

/** Relative links `[text](path#anchor)` and images; web, mail and other schemes are left out. */
function relativeLinks(file: string): Link[] {
  const text = prose(readFileSync(join(ROOT, file), "utf8"));
  const links: Link[] = [];
  for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    links.push({ from: file, target });
  }
  return links;
}

/** Why a link does not lead anywhere, or undefined when it does. */
function brokenReason(link: Link): string | undefined {
  const [path = "", anchor] = link.target.split("#", 2);
  const targetFile = path === "" ? join(ROOT, link.from) : resolve(ROOT, dirname(link.from), path);
  if (!existsSync(targetFile)) return `${relative(ROOT, targetFile)} does not exist`;
  if (anchor === undefined) return undefined;
  if (statSync(targetFile).isDirectory() || !targetFile.endsWith(".md")) {
    return `#${anchor} points into ${relative(ROOT, targetFile)}, which has no headings`;
  }
  const anchors = anchorsOf(readFileSync(targetFile, "utf8"));
  if (!anchors.has(decodeURIComponent(anchor))) {
    return `${relative(ROOT, targetFile)} has no heading #${anchor}`;
  }
  return undefined;
}

describe("the README and docs/", () => {
  it(`keeps README.md at most ${README_MAX_LINES} lines`, () => {
    const lines = readFileSync(join(ROOT, "README.md"), "utf8").replace(/\n$/, "").split("\n");
    expect(lines.length).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it("has the six guides the README's contents point at", () => {
    for (const name of [
      "editors-guide",
      "operations",
      "architecture",
      "testing",
      "benchmarks",
      "scaling",
    ]) {
      expect(existsSync(join(ROOT, "docs", `${name}.md`)), `docs/${name}.md`).toBe(true);
    }
  });

  it("has no relative link to a missing file or heading", () => {
    const links = documents().flatMap(relativeLinks);
    expect(links.length).toBeGreaterThan(0);
    const broken = links.flatMap((link) => {
      const reason = brokenReason(link);
      return reason ? [`${link.from}: (${link.target}) ${reason}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it("makes anchors the way GitHub does", () => {
    expect(slugOf("Sending: one scheduler for everything the bot sends")).toBe(
      "sending-one-scheduler-for-everything-the-bot-sends",
    );
    expect(slugOf("The operator's command line")).toBe("the-operators-command-line");
    expect(slugOf("Where things stand: /stats and /queue")).toBe(
      "where-things-stand-stats-and-queue",
    );
    expect(slugOf("Search and ingestion (`npm run bench -- search`)")).toBe(
      "search-and-ingestion-npm-run-bench----search",
    );
  });
});
