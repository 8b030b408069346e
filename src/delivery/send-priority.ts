import { AsyncLocalStorage } from "node:async_hooks";
import type { SendPriority } from "./send-scheduler.js";

const override = new AsyncLocalStorage<SendPriority>();

/**
 * Runs `fn` so that what it sends waits in line as `priority` (e.g. "notice" for a
 * "slow down" note) instead of the priority its chat would give it.
 */
export function sendingAs<T>(priority: SendPriority, fn: () => T): T {
  return override.run(priority, fn);
}

/** The priority set by an enclosing sendingAs, if any. */
export const priorityOverride = (): SendPriority | undefined => override.getStore();
