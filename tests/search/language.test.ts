import { describe, expect, it } from "vitest";
import { indexLanguageOf } from "../../src/search/language.js";

describe("the stemmer an article gets", () => {
  it("follows the language its source declares", () => {
    expect(indexLanguageOf("ru-RU", "Title", "English text")).toBe("ru");
    expect(indexLanguageOf("EN", "Заголовок", "Русский текст")).toBe("en");
    expect(indexLanguageOf("uk", "Новини", "Текст")).toBe("none");
    expect(indexLanguageOf("de", "Wahlen", "Die Wahlen")).toBe("none");
  });

  it("is detected from the letters when the source says nothing", () => {
    expect(indexLanguageOf(null, "Мэр открыл мост", "Движение по мосту iPhone.")).toBe("ru");
    expect(indexLanguageOf(null, "Mayor opens bridge", "Traffic moves again.")).toBe("en");
    expect(indexLanguageOf("", "Мер відкрив міст", "Рух відновлено, ї є ґ.")).toBe("none");
    expect(indexLanguageOf(undefined, "2024", "12 34")).toBe("none");
  });
});
