import type { BotDeps } from "../../../src/bot/deps.js";
import type { Db } from "../../../src/db/connection.js";
import { createSearchService } from "../../../src/search/search-service.js";

/** Harness deps that give the bot the real search service over the test database. */
export function searchDeps(_base: BotDeps, db: Db): Partial<BotDeps> {
  return { search: createSearchService(db) };
}
