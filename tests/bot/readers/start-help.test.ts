import { describe, expect, it } from "vitest";
import { TEST_BOT_INFO } from "../../../src/sandbox/fake-bot-api.js";
import { startBotHarness } from "../../support/bot-harness.js";
import { privateMessage, READER, RUSSIAN_READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { addArticle, lastMessage, linksOf, SEED_TIME, textsOf } from "./reader-support.js";

const startHarness = closedAfterEach(startBotHarness);

describe("/start and /help", () => {
  it("welcomes a reader with what the bot does and every command with an example", async () => {
    const harness = await startHarness();
    await harness.send(privateMessage("/start", { from: READER }));
    const welcome = lastMessage(harness, READER.id);
    expect(textsOf(welcome, "bold")[0]).toBe("Hello! I am the newsroom's bot.");
    for (const example of ["/latest 10", "/search election results", "/summary 42", "/help"]) {
      expect(welcome.text).toContain(example);
    }
    expect(welcome.text).toContain(`@${TEST_BOT_INFO.username}`);
  });

  it("answers /help in Russian to a reader whose Telegram is in Russian", async () => {
    const harness = await startHarness();
    await harness.send(privateMessage("/help", { from: RUSSIAN_READER }));
    const help = lastMessage(harness, RUSSIAN_READER.id);
    expect(textsOf(help, "bold")).toContain("Что я умею");
    expect(help.text).toContain("/search итоги выборов");
    expect(help.text).toContain("/latest 10");
    expect(help.text).not.toMatch(/\bthe\b/);
  });

  it("opens the article of a channel post's deep link in the house style", async () => {
    const harness = await startHarness({ env: { CHANNEL_URL: "https://t.me/newsroom_test" } });
    const article = addArticle(harness, {
      title: "Bridge <reopens> & traffic flows",
      body: "The old bridge reopened on Thursday after two years of repairs.\n\nDrivers welcomed it.",
      url: "https://news.example/bridge",
      publishedAt: SEED_TIME,
      source: "City Desk",
    });
    await harness.send(privateMessage(`/start a${article.id}`, { from: READER }));
    const post = lastMessage(harness, READER.id);
    expect(post.text).toBe(
      [
        "Bridge <reopens> & traffic flows",
        "",
        "The old bridge reopened on Thursday after two years of repairs.",
        "",
        "Drivers welcomed it.",
        "",
        "9:58 23.02.2023 · City Desk",
        "read more in our Telegram-channel",
      ].join("\n"),
    );
    expect(textsOf(post, "bold")).toEqual(["Bridge <reopens> & traffic flows"]);
    expect(textsOf(post, "italic")).toEqual(["9:58 23.02.2023"]);
    expect(linksOf(post)).toEqual([
      { text: "Bridge <reopens> & traffic flows", url: "https://news.example/bridge" },
      { text: "read more in our Telegram-channel", url: "https://t.me/newsroom_test" },
    ]);
  });

  it("opens an article with a picture as a photo post with its caption", async () => {
    const harness = await startHarness();
    const article = addArticle(harness, {
      title: "Eclipse seen over the city",
      body: "Thousands watched the eclipse from the embankment.",
      imageUrl: "https://news.example/eclipse.jpg",
      publishedAt: SEED_TIME,
    });
    await harness.send(privateMessage(`/start a${article.id}`, { from: READER }));
    const post = lastMessage(harness, READER.id);
    expect(post.kind).toBe("photo");
    expect(post.photo).toBe("https://news.example/eclipse.jpg");
    expect(textsOf(post, "bold")).toEqual(["Eclipse seen over the city"]);
    expect(post.text).toContain("Thousands watched the eclipse from the embankment.");
  });

  it("says clearly when a deep link names an article the archive does not have", async () => {
    const harness = await startHarness();
    await harness.send(privateMessage("/start a999999", { from: READER }));
    await harness.send(privateMessage("/start a999999", { from: RUSSIAN_READER }));
    expect(lastMessage(harness, READER.id).text).toBe("There is no article 999999 in the archive.");
    expect(lastMessage(harness, RUSSIAN_READER.id).text).toBe("Статьи 999999 в архиве нет.");
  });

  it("treats a payload that is not an article link as a plain start", async () => {
    const harness = await startHarness();
    await harness.send(privateMessage("/start <b>x", { from: READER }));
    expect(lastMessage(harness, READER.id).text).toContain("Hello! I am the newsroom's bot.");
  });
});
