import { randomBytes } from "node:crypto";
import type { KeyValueStorage } from "../../db/key-value-storage.js";
import type { PasteOrigin } from "../../editorial/article-intake.js";

/** A text an editor forwarded or pasted, kept server-side until they say whether to queue it. */
export interface PendingPaste extends PasteOrigin {
  readonly userId: number;
  readonly text: string;
  /** When it was kept (Unix ms); old ones are not offered any more. */
  readonly at: number;
}

/** How long the "Queue it?" button stays good. */
export const PENDING_PASTE_TTL_MS = 2 * 24 * 3600 * 1000;

/** A short random key for the button (10 base-36 characters). */
export function newPasteKey(): string {
  const n = randomBytes(8).readBigUInt64BE();
  return n.toString(36).padStart(10, "0").slice(-10);
}

/** Keeps a pending paste and returns its key. */
export function keepPaste(store: KeyValueStorage<PendingPaste>, paste: PendingPaste): string {
  const key = newPasteKey();
  store.write(key, paste);
  return key;
}

/** Takes a pending paste out (it is answered once); undefined when unknown or too old. */
export function takePaste(
  store: KeyValueStorage<PendingPaste>,
  key: string,
  now: number,
): PendingPaste | undefined {
  const paste = store.read(key);
  if (paste === undefined) return undefined;
  store.delete(key);
  return now - paste.at > PENDING_PASTE_TTL_MS ? undefined : paste;
}
