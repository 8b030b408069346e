import { describe, expect, it } from "vitest";
import { segmentsToText } from "../../src/search/segments.js";
import { article, bold, createArchive } from "./search-helpers.js";

describe("ranking", () => {
  it("puts a headline match above a newer article that only mentions the word", () => {
    const { articles, search } = createArchive();
    articles.store(article("Flood defences tested", "Engineers checked the walls.", 3));
    articles.store(article("Weekend weather", "Rain may bring a flood to low streets.", 0));
    const titles = search.search("flood").hits.map((h) => h.title);
    expect(titles).toEqual(["Flood defences tested", "Weekend weather"]);
  });

  it("prefers the newer of two equally good matches", () => {
    const { articles, search } = createArchive();
    articles.store(article("Bridge repairs begin", "Work starts on Monday.", 40));
    articles.store(article("Bridge repairs end", "Work finished early.", 1));
    expect(search.search("bridge").hits.map((h) => h.title)).toEqual([
      "Bridge repairs end",
      "Bridge repairs begin",
    ]);
  });
});

describe("common words", () => {
  it("leaves out a word most of a large archive holds, and finds the same articles", () => {
    const { articles, search } = createArchive();
    const batch = Array.from({ length: 400 }, (_, i) =>
      article(
        `Daily note ${i}`,
        i % 100 === 0 ? "The zebra escaped again." : "The day was quiet.",
        i % 30,
      ),
    );
    articles.storeMany(batch);
    const page = search.search("the zebra", { limit: 10 });
    expect(page.terms).toEqual(["zebra"]);
    expect(page.hits.map((h) => h.title).sort()).toEqual([
      "Daily note 0",
      "Daily note 100",
      "Daily note 200",
      "Daily note 300",
    ]);
    expect(bold(page.hits[0]!.snippet)).toEqual(["zebra"]);
  });

  it("keeps every word in a small archive", () => {
    const { articles, search } = createArchive();
    articles.store(article("Flood defences tested", "Engineers checked the walls."));
    articles.store(article("Flood season", "Rivers rise."));
    expect(search.search("flood defences").hits.map((h) => h.title)).toEqual([
      "Flood defences tested",
    ]);
  });
});

describe("snippets", () => {
  it("marks the matched words in the headline and around them in the text", () => {
    const { articles, search } = createArchive();
    const filler = "Nothing of note happened in the morning session of the meeting. ".repeat(6);
    articles.store(
      article(
        "Mayor opens the budget debate",
        `${filler}The mayor said the budget would grow. ${filler}`,
      ),
    );
    const [hit] = search.search("budget mayor").hits;
    expect(bold(hit!.titleSegments)).toEqual(["Mayor", "budget"]);
    expect(segmentsToText(hit!.titleSegments)).toBe("Mayor opens the budget debate");
    expect(bold(hit!.snippet)).toEqual(["mayor", "budget"]);
    const snippet = segmentsToText(hit!.snippet);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet.length).toBeLessThan(230);
  });

  it("gives each hit the snippet of its own text", () => {
    const { articles, search } = createArchive();
    const bodies = [
      "Lions sleep by the river.",
      "The river flooded the farm.",
      "Boats crowd the river mouth.",
    ];
    for (const [i, body] of bodies.entries()) articles.store(article(`Story ${i}`, body, i));
    const hits = search.search("river").hits;
    expect(hits).toHaveLength(3);
    for (const hit of hits) {
      expect(segmentsToText(hit.snippet)).toBe(bodies[Number(hit.title.slice(-1))]);
      expect(bold(hit.snippet)).toEqual(["river"]);
    }
  });

  it("marks the words a half-typed last word completes in every hit of the page", () => {
    const { articles, search } = createArchive();
    articles.store(article("Harbour news", "Electricity prices rise.", 3));
    articles.store(article("Farm news", "Tractors and barley.", 2));
    articles.store(article("Election day", "Voters queue before the polls open.", 1));
    const hits = search.search("elec").hits;
    expect(hits.map((h) => h.title).sort()).toEqual(["Election day", "Harbour news"]);
    const marked = hits.map((h) => [...bold(h.titleSegments), ...bold(h.snippet)]);
    expect(marked.sort()).toEqual([["Election"], ["Electricity"]]);
  });

  it("marks a half-typed word in accented and ё spellings as the index matches them", () => {
    const { articles, search } = createArchive();
    articles.store(article("Élections régionales", "Les électeurs votent."));
    articles.store(article("Ёлочный базар", "Ёлки и елочные игрушки."));
    const [fr] = search.search("elec").hits;
    expect([...bold(fr!.titleSegments), ...bold(fr!.snippet)]).toEqual(["Élections", "électeurs"]);
    const [ru] = search.search("елоч").hits;
    expect([...bold(ru!.titleSegments), ...bold(ru!.snippet)]).toEqual(["Ёлочный", "елочные"]);
  });

  it("returns markup in articles as plain text for the bot to escape", () => {
    const { articles, search } = createArchive();
    articles.store(
      article("Tags <b>in</b> a headline", "A <script>alert(1)</script> tag & an ampersand."),
    );
    const [hit] = search.search("script").hits;
    expect(segmentsToText(hit!.titleSegments)).toBe("Tags <b>in</b> a headline");
    expect(segmentsToText(hit!.snippet)).toBe("A <script>alert(1)</script> tag & an ampersand.");
    expect(bold(hit!.snippet)).toEqual(["script", "script"]);
  });

  it("shows the reader's ё even though the index folds it", () => {
    const { articles, search } = createArchive();
    articles.store(article("Ещё одна ёлка", "Ёлку поставили у вокзала."));
    const [hit] = search.search("елка").hits;
    expect(bold(hit!.titleSegments)).toEqual(["ёлка"]);
    expect(segmentsToText(hit!.titleSegments)).toBe("Ещё одна ёлка");
  });

  it("shows text holding private-use characters intact, its matches marked", () => {
    const { articles, search } = createArchive();
    articles.store(article("Odd \uE000 characters", "Some \uE001 private use text about parsers."));
    const [hit] = search.search("parsers").hits;
    expect(segmentsToText(hit!.snippet)).toBe("Some \uE001 private use text about parsers.");
    expect(bold(hit!.snippet)).toEqual(["parsers"]);
  });
});

describe("paging", () => {
  it("pages through every match once, and says when there is more", () => {
    const { articles, search } = createArchive();
    for (let i = 0; i < 12; i++)
      articles.store(article(`Harvest report ${i}`, `Farm number ${i} had a good year.`, i));
    const first = search.search("harvest", { limit: 5, offset: 0 });
    const second = search.search("harvest", { limit: 5, offset: 5 });
    const third = search.search("harvest", { limit: 5, offset: 10 });
    expect([first.hits.length, second.hits.length, third.hits.length]).toEqual([5, 5, 2]);
    expect([first.hasMore, second.hasMore, third.hasMore]).toEqual([true, true, false]);
    const ids = [...first.hits, ...second.hits, ...third.hits].map((h) => h.id);
    expect(new Set(ids).size).toBe(12);
    expect(search.search("harvest", { limit: 20 }).hasMore).toBe(false);
    expect(search.search("harvest", { limit: 5, offset: 40 }).hits).toEqual([]);
  });
});
