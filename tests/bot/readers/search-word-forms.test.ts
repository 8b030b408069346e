import { describe, expect, it } from "vitest";
import { startBotHarness } from "../../support/bot-harness.js";
import { inlineQuery, privateMessage, RUSSIAN_READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { addArticle, lastMessage, linksOf, textsOf } from "./reader-support.js";
import { searchDeps } from "./search-support.js";

const startHarness = closedAfterEach(startBotHarness);
const start = () => startHarness({ deps: searchDeps });

interface InlineArticle {
  title: string;
  description?: string;
}

describe("Russian readers find the word in any of its forms", () => {
  it("/search улица finds a story that says «улице», the story's own word in bold", async () => {
    const harness = await start();
    addArticle(harness, {
      title: "Ремонт на Тверской",
      body: "На улице Тверской перекрыли движение до утра. Автобусы идут в объезд.",
      url: "https://news.example/tverskaya",
    });
    addArticle(harness, { title: "Новый парк", body: "В районе открыли парк с фонтаном." });
    await harness.send(privateMessage("/search улица", { from: RUSSIAN_READER }));
    const page = lastMessage(harness, RUSSIAN_READER.id);
    expect(linksOf(page)).toEqual([
      { text: "Ремонт на Тверской", url: "https://news.example/tverskaya" },
    ]);
    expect(textsOf(page, "bold")).toContain("улице");
  });

  it("inline mode finds «программированию» for a reader typing «программирование»", async () => {
    const harness = await start();
    addArticle(harness, {
      title: "Курсы для школьников",
      body: "Дети учатся программированию каждую субботу.",
    });
    addArticle(harness, { title: "Шахматный турнир", body: "Победил ученик седьмого класса." });
    await harness.send(inlineQuery("программирование", { from: RUSSIAN_READER }));
    const call = harness.fake.callsTo("answerInlineQuery").at(-1)!;
    const raw = call.payload.results;
    const results = (typeof raw === "string" ? JSON.parse(raw) : raw) as InlineArticle[];
    expect(results.map((r) => r.title)).toEqual(["Курсы для школьников"]);
  });

  it("inline mode completes a half-typed Russian word", async () => {
    const harness = await start();
    addArticle(harness, { title: "Улицы без машин", body: "Воскресенье стало днём пешехода." });
    await harness.send(inlineQuery("пешех", { from: RUSSIAN_READER }));
    const call = harness.fake.callsTo("answerInlineQuery").at(-1)!;
    const raw = call.payload.results;
    const results = (typeof raw === "string" ? JSON.parse(raw) : raw) as InlineArticle[];
    expect(results.map((r) => r.title)).toEqual(["Улицы без машин"]);
  });
});
