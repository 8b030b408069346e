import { afterEach } from "vitest";
import type { BotHarness } from "../support/bot-harness.js";

/**
 * Wraps a harness factory so that every harness it starts is closed after its test. Call it
 * once at the top of a test file (it registers the file's afterEach).
 */
export function closedAfterEach<A extends unknown[]>(
  start: (...args: A) => Promise<BotHarness>,
): (...args: A) => Promise<BotHarness> {
  const open: BotHarness[] = [];
  afterEach(async () => {
    for (const harness of open.splice(0)) await harness.close();
  });
  return async (...args) => {
    const harness = await start(...args);
    open.push(harness);
    return harness;
  };
}
