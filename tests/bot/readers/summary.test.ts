import { describe, expect, it } from "vitest";
import { startBotHarness } from "../../support/bot-harness.js";
import { privateMessage, READER, RUSSIAN_READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { addArticle, lastMessage, linksOf, SEED_TIME, textsOf } from "./reader-support.js";

const startHarness = closedAfterEach(startBotHarness);

const HOUR = 3_600_000;
/** "Now" for the digest: noon UTC on the seed day. */
const NOW = SEED_TIME + 5 * HOUR;

const start = () => startHarness({ deps: () => ({ now: () => NOW }) });

const LONG_STORY = [
  "The city council approved a new budget for public transport on Tuesday.",
  "Mayor Anna Petrova said the money would buy forty electric buses by 2025.",
  "Critics said the plan ignores the suburbs.",
  "The weather was mild and sunny during the meeting.",
  "Officials expect the first electric buses on the streets of the city next spring.",
  "A local bakery celebrated its anniversary on the same day.",
  "The transport budget will be reviewed again next year.",
].join(" ");

describe("/summary with an article number", () => {
  it("answers with about three of the article's sentences, in order, and its link", async () => {
    const harness = await start();
    const article = addArticle(harness, {
      title: "Council approves transport budget for electric buses",
      body: LONG_STORY,
      url: "https://news.example/budget",
      publishedAt: SEED_TIME,
    });
    await harness.send(privateMessage(`/summary ${article.id}`, { from: READER }));
    const reply = lastMessage(harness, READER.id);
    expect(linksOf(reply)).toEqual([
      {
        text: "Council approves transport budget for electric buses",
        url: "https://news.example/budget",
      },
      { text: "Read the article", url: "https://news.example/budget" },
    ]);
    expect(textsOf(reply, "italic")).toEqual(["9:58 23.02.2023"]);
    const summary = reply.text.split("\n\n")[1]!;
    const sentences = summary.match(/[^.]+\./g)!.map((s) => s.trim());
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
    const positions = sentences.map((s) => LONG_STORY.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("accepts #42 and a42 as well as 42", async () => {
    const harness = await start();
    const article = addArticle(harness, { title: "Numbered story" });
    await harness.send(privateMessage(`/summary #${article.id}`, { from: READER }));
    await harness.send(privateMessage(`/summary a${article.id}`, { from: READER }));
    const replies = harness.fake.messages(READER.id);
    expect(replies.map((m) => linksOf(m)[0]?.text)).toEqual(["Numbered story", "Numbered story"]);
  });

  it("says clearly that an unknown article is not in the archive", async () => {
    const harness = await start();
    await harness.send(privateMessage("/summary 4242", { from: READER }));
    await harness.send(privateMessage("/summary 4242", { from: RUSSIAN_READER }));
    expect(lastMessage(harness, READER.id).text).toBe("There is no article 4242 in the archive.");
    expect(lastMessage(harness, RUSSIAN_READER.id).text).toBe("Статьи 4242 в архиве нет.");
  });

  it("shows how to use it when the argument is not an article number", async () => {
    const harness = await start();
    await harness.send(privateMessage("/summary yesterday's <news>", { from: READER }));
    expect(lastMessage(harness, READER.id).text).toBe(
      "Send /summary for today's digest, or /summary and an article number, e.g. /summary 42.",
    );
  });

  it("says so when the article has no text to summarise", async () => {
    const harness = await start();
    const article = addArticle(harness, { title: "Headline only", body: "" });
    await harness.send(privateMessage(`/summary ${article.id}`, { from: READER }));
    expect(lastMessage(harness, READER.id).text).toContain(
      "This article has no text to summarise.",
    );
  });
});

describe("/summary without a number: the day's digest", () => {
  it("lists the last 24 hours' stories, newest first, one sentence each", async () => {
    const harness = await start();
    addArticle(harness, {
      title: "Old news from last week",
      body: "This happened a week ago. Nobody remembers.",
      publishedAt: NOW - 7 * 24 * HOUR,
    });
    addArticle(harness, {
      title: "Morning fire contained",
      body: "Firefighters contained a fire in a warehouse at dawn. Nobody was hurt. The cause is unknown.",
      publishedAt: NOW - 6 * HOUR,
    });
    addArticle(harness, {
      title: "Library opens new wing",
      body: "The central library opened a new wing for children on Monday. It has 5,000 books.",
      publishedAt: NOW - 1 * HOUR,
    });
    await harness.send(privateMessage("/summary", { from: READER }));
    const digest = lastMessage(harness, READER.id);
    expect(textsOf(digest, "bold")[0]).toBe("Today's top stories");
    expect(linksOf(digest).map((l) => l.text)).toEqual([
      "Library opens new wing",
      "Morning fire contained",
    ]);
    expect(digest.text).toContain(
      "• Library opens new wing\nThe central library opened a new wing for children on Monday.",
    );
    expect(digest.text).not.toContain("It has 5,000 books.");
  });

  it("shows the latest stories when nothing was published in the last day", async () => {
    const harness = await start();
    addArticle(harness, { title: "Last week's story", publishedAt: NOW - 7 * 24 * HOUR });
    await harness.send(privateMessage("/summary", { from: RUSSIAN_READER }));
    const digest = lastMessage(harness, RUSSIAN_READER.id);
    expect(textsOf(digest, "bold")[0]).toContain("Спокойный день");
    expect(linksOf(digest).map((l) => l.text)).toEqual(["Last week's story"]);
  });

  it("answers with a friendly line when the archive is empty", async () => {
    const harness = await start();
    await harness.send(privateMessage("/summary", { from: READER }));
    expect(lastMessage(harness, READER.id).text).toBe(
      "The archive is empty for now. New articles will appear here soon.",
    );
  });

  it("trims a digest of very long stories to fit one message", async () => {
    const harness = await start();
    for (let i = 0; i < 10; i++) {
      addArticle(harness, {
        title: `${"A long headline about the city ".repeat(15)}${i}`,
        body: `${"One very long first sentence that goes on and on about the city ".repeat(10)}today.`,
        publishedAt: NOW - (i + 1) * HOUR,
      });
    }
    await harness.send(privateMessage("/summary", { from: READER }));
    const digest = lastMessage(harness, READER.id);
    expect(harness.fake.callsTo("sendMessage").every((c) => c.ok)).toBe(true);
    expect(digest.text.length).toBeLessThanOrEqual(4096);
    expect(linksOf(digest).length).toBeGreaterThanOrEqual(5);
  });
});
