import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { TEST_CHANNEL, TEST_TOKEN } from "../../src/sandbox/fake-bot-api.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import { type Browser, HAS_CHROMIUM, NO_CHROMIUM_REASON, openBrowser } from "./browser-support.js";

if (!HAS_CHROMIUM) console.log(NO_CHROMIUM_REASON);

const STORY = [
  "/add Night trains return to the coast",
  "",
  "9:58 23.02.2023 •",
  "",
  "The night service to the coast resumes in May, writes Rail Weekly.",
  "",
  "read more in our Telegram-channel",
].join("\n");

describe.skipIf(!HAS_CHROMIUM)("the sandbox in a real browser (Chromium)", () => {
  let sandbox: RunningSandbox;
  let browser: Browser;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsroom-sandbox-"));
    sandbox = await startSandbox({
      config: createConfig({ TIMEZONE: "Europe/Moscow", LOG_LEVEL: "silent" }),
      logger: silentLogger(),
      port: 0,
      databasePath: join(dir, "sandbox.db"),
    });
    browser = await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it("an editor loads the sample, adds a story and posts it to the channel", async () => {
    const { page } = browser;
    await page.goto(sandbox.url);
    await page.getByRole("button", { name: "Load the sample" }).click();
    await expect.poll(() => page.locator("#sample-offer").isHidden()).toBe(true);

    await page.locator("#message").fill(STORY);
    await page.locator("#send").click();
    const preview = page.locator("#chat-feed .bubble-wrap", { hasText: "Night trains" }).last();
    await preview.getByRole("button", { name: "Post now", exact: true }).waitFor();
    await expect(preview.getByRole("button", { name: "Remove" }).count()).resolves.toBe(1);
    await browser.shot("1-editor-preview");

    await preview.getByRole("button", { name: "Post now", exact: true }).click();
    const post = page.locator("#channel-feed .bubble", { hasText: "Night trains" });
    await post.waitFor();
    await expect(post.locator("b").first().textContent()).resolves.toBe(
      "Night trains return to the coast",
    );
    const footer = post.locator("a", { hasText: "read more in our Telegram-channel" });
    await expect(footer.getAttribute("href")).resolves.toBe("https://t.me/newsroom_test");
    await browser.shot("2-channel-post");

    await page.getByTitle("Commands").click();
    const menu = page.locator("#command-menu");
    await menu.getByText("/postnow").waitFor();
    await menu.getByText("/queue").click();
    await expect(page.locator("#message").inputValue()).resolves.toBe("/queue ");
    await page.keyboard.press("Enter");
    await page.locator("#chat-feed .bubble", { hasText: "Publication queue" }).waitFor();
  }, 60_000);

  it("a Russian-speaking reader searches, pages on, and shares a story from inline mode", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Reader" }).click();
    await page.getByRole("button", { name: "Русский" }).click();
    await expect(page.locator("#person-sub").textContent()).resolves.toContain("Мария");

    await page.locator("#message").fill("/search Ривертон");
    await page.keyboard.press("Enter");
    const results = page.locator("#chat-feed .bubble-wrap").last();
    const next = results.getByRole("button", { name: "Дальше ▶" });
    await next.waitFor();
    const firstPage = await results.locator(".text").textContent();
    await next.click();
    await results.locator(".edited").waitFor();
    const secondPage = await results.locator(".text").textContent();
    expect(secondPage).not.toBe(firstPage);
    await browser.shot("3-reader-search-next");

    await page.locator("#message").fill("@newsroom_test_bot набережную");
    const result = page.locator("#inline-results .inline-result", {
      hasText: "В Ривертоне открыли обновлённую набережную",
    });
    await result.waitFor();
    await browser.shot("4-reader-inline-results");
    await result.click();
    const shared = page.locator("#chat-feed .bubble.from-user", {
      hasText: "via @newsroom_test_bot",
    });
    await shared.waitFor();
    await expect(shared.locator("b").first().textContent()).resolves.toContain("набережную");
    await browser.shot("5-reader-shared");
  }, 60_000);

  it("renders the channel as subscribers see it: formatting, photos, large previews, edits, and a 403", async () => {
    const { page } = browser;
    const telegram = new Api(TEST_TOKEN, { apiRoot: sandbox.config.telegramApiRoot });
    const channel = `@${TEST_CHANNEL.username}`;
    const picture = `${sandbox.url}/sample/images/lighthouse.svg`;
    const sent = await telegram.sendMessage(
      channel,
      '<b>Bold</b> <i>italic</i> <a href="https://example.org/story">link</a> <code>code</code> <tg-spoiler>secret</tg-spoiler>\n<blockquote>quoted words</blockquote>',
      { parse_mode: "HTML", link_preview_options: { url: picture, prefer_large_media: true } },
    );
    await telegram.sendPhoto(channel, picture, {
      caption: "<b>Lighthouse</b> opens its stairs",
      parse_mode: "HTML",
    });
    const post = page.locator("#channel-feed .bubble", { hasText: "quoted words" });
    await post.waitFor();
    await expect(post.locator("b").textContent()).resolves.toBe("Bold");
    await expect(post.locator("i").textContent()).resolves.toBe("italic");
    await expect(post.locator(".text a").getAttribute("href")).resolves.toBe(
      "https://example.org/story",
    );
    await expect(post.locator("code").textContent()).resolves.toBe("code");
    await expect(post.locator("blockquote").textContent()).resolves.toBe("quoted words");
    await expect(post.locator(".spoiler").textContent()).resolves.toBe("secret");
    await expect(post.locator(".preview.large img").getAttribute("src")).resolves.toBe(picture);
    const photo = page.locator("#channel-feed .bubble", { hasText: "opens its stairs" });
    await expect(photo.locator("img.photo").getAttribute("src")).resolves.toBe(picture);
    await expect(photo.locator("b").textContent()).resolves.toBe("Lighthouse");

    await telegram.editMessageText(channel, sent.message_id, "<b>Bold</b> and corrected", {
      parse_mode: "HTML",
    });
    const edited = page.locator("#channel-feed .bubble", { hasText: "and corrected" });
    await edited.locator(".edited").waitFor();
    await expect(
      page.locator("#channel-feed .bubble", { hasText: "quoted words" }).count(),
    ).resolves.toBe(0);

    await page.locator("#channel-removed").check();
    await page.getByRole("button", { name: "Editor" }).click();
    await page.getByRole("button", { name: "English" }).click();
    await page.locator("#message").fill("/postnow");
    await page.keyboard.press("Enter");
    const refusal = page.locator("#channel-feed .refusal-403");
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain("Forbidden: bot is not a member");
    await page.locator("#chat-feed .bubble", { hasText: "Publishing is paused" }).first().waitFor();
    await browser.shot("6-channel-rendering-and-403");
  }, 60_000);
});
