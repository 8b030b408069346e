import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/summaries/index.js";

describe("splitSentences, English", () => {
  it("keeps titles, initials, months and country abbreviations inside the sentence", () => {
    expect(
      splitSentences(
        "Mr. Smith met Dr. Jones on Jan. 5 in St. Louis. J. K. Rowling sent a note via the U.S. embassy. It was brief.",
      ),
    ).toEqual([
      "Mr. Smith met Dr. Jones on Jan. 5 in St. Louis.",
      "J. K. Rowling sent a note via the U.S. embassy.",
      "It was brief.",
    ]);
  });

  it("ends a sentence at an abbreviation followed by a capitalised sentence", () => {
    expect(splitSentences("Troops landed in the U.S. The talks resume on Monday.")).toEqual([
      "Troops landed in the U.S.",
      "The talks resume on Monday.",
    ]);
  });

  it("leaves decimals, money, percentages, dates and e.g. alone", () => {
    expect(
      splitSentences(
        "Profit rose 3.5% to $1.2bn on 23.02.2023, e.g. in retail. Shares fell 0.7 points.",
      ),
    ).toEqual([
      "Profit rose 3.5% to $1.2bn on 23.02.2023, e.g. in retail.",
      "Shares fell 0.7 points.",
    ]);
  });

  it("ends sentences inside closing quotes and keeps a quote with its speech tag", () => {
    expect(
      splitSentences(
        'He said: "We will win." The crowd cheered. "Go home!" she shouted. Then it rained.',
      ),
    ).toEqual([
      'He said: "We will win."',
      "The crowd cheered.",
      '"Go home!" she shouted.',
      "Then it rained.",
    ]);
    expect(splitSentences("Wang called ties “solid as rock.” Beijing agreed.")).toEqual([
      "Wang called ties “solid as rock.”",
      "Beijing agreed.",
    ]);
  });

  it("splits after ellipses that close a thought, but not inside one", () => {
    expect(
      splitSentences("He waited... Nobody came. She paused… Then she left. It went on… and on."),
    ).toEqual([
      "He waited...",
      "Nobody came.",
      "She paused…",
      "Then she left.",
      "It went on… and on.",
    ]);
  });

  it("separates sentences a scraped page glued together", () => {
    expect(
      splitSentences(
        'He was vilified by the community.Dr Venter was not modest.He said it was wasted."Life was cheap," he said.',
      ),
    ).toEqual([
      "He was vilified by the community.",
      "Dr Venter was not modest.",
      "He said it was wasted.",
      '"Life was cheap," he said.',
    ]);
  });

  it("treats each line as a boundary, so headlines and time lines stand alone", () => {
    expect(
      splitSentences("China calls ties solid\n\n9:58 23.02.2023 •\n\nWang Yi spoke. He smiled."),
    ).toEqual(["China calls ties solid", "9:58 23.02.2023 •", "Wang Yi spoke.", "He smiled."]);
  });

  it("returns nothing for empty or punctuation-only text and one piece for unpunctuated text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" ... !! ")).toEqual([]);
    expect(splitSentences("no punctuation here at all")).toEqual(["no punctuation here at all"]);
  });
});

describe("splitSentences, Russian", () => {
  it("keeps т.е., г. before a lower-case word, млн. and initials inside the sentence", () => {
    expect(
      splitSentences(
        "В 2023 г. выручка составила 5 млн. руб., т.е. вдвое больше. А. С. Пушкин родился в Москве. Дата 23.02.2023 важна.",
      ),
    ).toEqual([
      "В 2023 г. выручка составила 5 млн. руб., т.е. вдвое больше.",
      "А. С. Пушкин родился в Москве.",
      "Дата 23.02.2023 важна.",
    ]);
  });

  it("ends a sentence at г. or т.д. when a capitalised sentence follows", () => {
    expect(
      splitSentences("Завод закрыли в 2020 г. Потом его продали, и т.д. Конец истории."),
    ).toEqual(["Завод закрыли в 2020 г.", "Потом его продали, и т.д.", "Конец истории."]);
  });

  it("ends sentences inside «ёлочки»", () => {
    expect(
      splitSentences("Он сказал: «Всё хорошо». Она ответила: «Нет!» Разговор закончился."),
    ).toEqual(["Он сказал: «Всё хорошо».", "Она ответила: «Нет!»", "Разговор закончился."]);
  });

  it("splits lower-cased wire text at full stops that do not follow an abbreviation", () => {
    expect(
      splitSentences(
        "москва, 1 дек — риа новости. около 60 тысяч литров нефти вытекли в болото. по данным регулятора, т.е. официально, утечку остановили в 2013 г. весной.",
      ),
    ).toEqual([
      "москва, 1 дек — риа новости.",
      "около 60 тысяч литров нефти вытекли в болото.",
      "по данным регулятора, т.е. официально, утечку остановили в 2013 г. весной.",
    ]);
  });
});
