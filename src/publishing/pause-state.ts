import type { SettingsRepository } from "../db/settings-repository.js";

const PAUSED_KEY = "publishing.paused";
const LAST_ERROR_KEY = "publishing.last_delivery_error";

/** Why and since when scheduled publishing is paused. */
export interface PauseInfo {
  readonly at: number;
  /** "editor" for /pause, "telegram" when the channel refused the bot. */
  readonly by: "editor" | "telegram";
  readonly reason: string | null;
}

export interface DeliveryErrorInfo {
  readonly at: number;
  readonly message: string;
}

/** Publishing's persisted switches, in the settings table, so they survive restarts. */
export function createPauseState(settings: SettingsRepository, now: () => number = Date.now) {
  return {
    info: (): PauseInfo | undefined => settings.getJson<PauseInfo>(PAUSED_KEY),
    isPaused: (): boolean => settings.get(PAUSED_KEY) !== undefined,
    /** Pauses; true when it was running until now (so a caller can tell editors only once). */
    pause(by: PauseInfo["by"], reason: string | null = null): boolean {
      if (settings.get(PAUSED_KEY) !== undefined) return false;
      settings.setJson(PAUSED_KEY, { at: now(), by, reason } satisfies PauseInfo);
      return true;
    },
    /** Resumes; true when it was paused. */
    resume: (): boolean => settings.delete(PAUSED_KEY),
    recordDeliveryError(message: string): void {
      settings.setJson(LAST_ERROR_KEY, { at: now(), message } satisfies DeliveryErrorInfo);
    },
    lastDeliveryError: (): DeliveryErrorInfo | undefined =>
      settings.getJson<DeliveryErrorInfo>(LAST_ERROR_KEY),
  };
}

export type PauseState = ReturnType<typeof createPauseState>;
