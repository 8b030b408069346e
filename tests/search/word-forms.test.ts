import { describe, expect, it } from "vitest";
import { article, bold, createArchive } from "./search-helpers.js";

type Archive = ReturnType<typeof createArchive>;
const titlesFor = (archive: Archive, q: string) =>
  archive.search.search(q, { limit: 20 }).hits.map((h) => h.title);

describe("Russian word forms", () => {
  it("finds улица in every case it is written in", () => {
    const archive = createArchive();
    archive.articles.store(
      article("Ремонт на Тверской", "На улице Тверской перекрыли движение.", 0, { language: "ru" }),
    );
    for (const q of ["улица", "улицы", "улице", "улицей", "улицу", "УЛИЦАМИ"]) {
      expect(titlesFor(archive, q), q).toEqual(["Ремонт на Тверской"]);
    }
  });

  it("marks the article's own form of the word, whichever form the reader typed", () => {
    const archive = createArchive();
    archive.articles.store(
      article("Улицы без машин", "Улицей-героем дня стала Тверская.", 0, { language: "ru" }),
    );
    const [hit] = archive.search.search("улица").hits;
    expect(bold(hit!.titleSegments)).toEqual(["Улицы"]);
    expect(bold(hit!.snippet)).toEqual(["Улицей"]);
  });

  it("joins программирование and программированию", () => {
    const archive = createArchive();
    archive.articles.store(
      article("Школа открылась", "Курсы по программированию для детей.", 0, { language: "ru" }),
    );
    expect(titlesFor(archive, "программирование")).toEqual(["Школа открылась"]);
    expect(titlesFor(archive, "программирования")).toEqual(["Школа открылась"]);
  });

  it("does not join бежать and бегут: Snowball cuts endings, it does not know the verb", () => {
    const archive = createArchive();
    archive.articles.store(
      article("Марафон", "Тысячи людей бегут по набережной.", 0, { language: "ru" }),
    );
    expect(titlesFor(archive, "бегут")).toEqual(["Марафон"]);
    expect(titlesFor(archive, "бежать")).toEqual([]);
  });

  it("stems a Russian article whose source does not say its language", () => {
    const archive = createArchive();
    archive.articles.store(article("Новости города", "Мэр осмотрел новые улицы района."));
    expect(titlesFor(archive, "улица")).toEqual(["Новости города"]);
  });

  it("still folds ё into е in every form", () => {
    const archive = createArchive();
    archive.articles.store(article("Зелёные ёлки", "Ёлки привезли на площадь.", 0));
    expect(titlesFor(archive, "елка")).toEqual(["Зелёные ёлки"]);
    expect(titlesFor(archive, "зеленая")).toEqual(["Зелёные ёлки"]);
  });

  it("completes a half-typed Russian word, marking what it completed", () => {
    const archive = createArchive();
    archive.articles.store(
      article("Школа открылась", "Курсы по программированию для детей.", 0, { language: "ru" }),
    );
    archive.articles.store(article("Программа фестиваля", "Концерты и лекции.", 0));
    expect(titlesFor(archive, "программир")).toEqual(["Школа открылась"]);
    const titles = titlesFor(archive, "програм").sort();
    expect(titles).toEqual(["Программа фестиваля", "Школа открылась"]);
    const [hit] = archive.search.search("программир").hits;
    expect(bold(hit!.snippet)).toEqual(["программированию"]);
  });
});

describe("English word forms", () => {
  it("joins the regular forms and says what Snowball cannot join", () => {
    const archive = createArchive();
    archive.articles.store(article("Marathon day", "Thousands were running through the city."));
    for (const q of ["run", "runs", "running"]) {
      expect(titlesFor(archive, q), q).toEqual(["Marathon day"]);
    }
    expect(titlesFor(archive, "ran")).toEqual([]);
  });

  it("completes a word typed past its stem", () => {
    const archive = createArchive();
    archive.articles.store(article("Budget passes", "The government approved the budget."));
    expect(titlesFor(archive, "governm")).toEqual(["Budget passes"]);
  });
});

describe("mixed-language queries", () => {
  it("finds an English name inside a Russian story by its English forms", () => {
    const archive = createArchive();
    archive.articles.store(
      article("Продажи выросли", "Продажи iPhones в России выросли.", 0, { language: "ru" }),
    );
    expect(titlesFor(archive, "iphone продажа")).toEqual(["Продажи выросли"]);
  });

  it("needs every word, whatever its language", () => {
    const archive = createArchive();
    archive.articles.store(
      article("Election night in Moscow", "Москва голосует: the elections closed at eight."),
    );
    archive.articles.store(article("Election night", "Polls closed at eight."));
    expect(titlesFor(archive, "москвы election")).toEqual(["Election night in Moscow"]);
    expect(titlesFor(archive, "elected").sort()).toEqual([
      "Election night",
      "Election night in Moscow",
    ]);
  });

  it("looks a word up in each language the archive holds", () => {
    const archive = createArchive();
    archive.articles.store(
      article("Neue Wahlen", "Die Wahlen finden statt.", 0, { language: "de" }),
    );
    archive.articles.store(
      article("New elections", "Voters go to the polls.", 0, { language: "en" }),
    );
    // German is not stemmed (no stemmer for it): its words are found as written.
    expect(titlesFor(archive, "wahlen")).toEqual(["Neue Wahlen"]);
    expect(titlesFor(archive, "wahl ")).toEqual([]);
    expect(titlesFor(archive, "election")).toEqual(["New elections"]);
  });
});
