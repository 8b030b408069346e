import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** ../shared/fixtures beside the project; present on developer machines and in CI. */
export const SHARED_FIXTURES = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "shared",
  "fixtures",
);

export const hasSharedFixtures = existsSync(SHARED_FIXTURES);

/** The reason printed when a corpus check cannot run. */
export const SHARED_FIXTURES_MISSING = `shared fixtures not found at ${SHARED_FIXTURES}: corpus checks skipped`;
