import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's Chromium; the browser tests need it and say so when it is missing. */
export const CHROMIUM = "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const NO_CHROMIUM_REASON = `browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`;

/** Where the browser tests leave their screenshots (git-ignored). */
export const SCREENSHOTS = join(process.cwd(), "test-output", "sandbox-screenshots");

export interface Browser {
  readonly page: Page;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile and no background traffic (no updates, sync,
 * component downloads or QUIC), so the only thing it talks to is the sandbox on 127.0.0.1.
 */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "newsroom-chromium-"));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    shot: async (name) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
