import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { createConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import type { ViewMessage } from "../../src/sandbox/view-message.js";

export interface SandboxHarness {
  readonly sandbox: RunningSandbox;
  /** Calls the web view's JSON API as the page does; throws on an error answer. */
  api<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T>;
  /** The bubbles of a chat ("channel" or "u<id>") as the page would load them now. */
  chat(chat: string): Promise<ViewMessage[]>;
  /** Waits until a chat shows a bubble that `match` accepts, and returns it. */
  waitForBubble(chat: string, match: (m: ViewMessage) => boolean): Promise<ViewMessage>;
}

/** A sandbox on a free port with a throw-away database, as the web view sees it. */
export async function startSandboxHarness(
  env: Record<string, string> = {},
): Promise<SandboxHarness> {
  const dir = mkdtempSync(join(tmpdir(), "newsroom-sandbox-"));
  const sandbox = await startSandbox({
    config: createConfig({ TIMEZONE: "Europe/Moscow", LOG_LEVEL: "silent", ...env }),
    logger: silentLogger(),
    port: 0,
    databasePath: join(dir, "sandbox.db"),
  });
  const api = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(sandbox.url + path, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(`${path}: ${response.status} ${json.error}`);
    return json;
  };
  const chat = async (name: string) =>
    (await api<{ chats: Record<string, ViewMessage[]> }>("/api/state")).chats[name] ?? [];
  return {
    sandbox,
    api,
    chat,
    waitForBubble: async (name, match) => {
      let found: ViewMessage | undefined;
      await expect
        .poll(
          async () => {
            found = (await chat(name)).find(match);
            return found !== undefined;
          },
          { timeout: 15_000, interval: 100 },
        )
        .toBe(true);
      return found!;
    },
  };
}
