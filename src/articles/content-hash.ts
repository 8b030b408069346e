import { createHash } from "node:crypto";

/** Lower-cases, folds ё to е, drops punctuation and collapses whitespace. */
export function normaliseForHash(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A stable fingerprint of an article's headline and text, blind to formatting noise. */
export function contentHash(title: string, body: string): string {
  return createHash("sha256")
    .update(normaliseForHash(title))
    .update("\u0000")
    .update(normaliseForHash(body))
    .digest("hex")
    .slice(0, 32);
}
