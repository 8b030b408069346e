import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
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
});
