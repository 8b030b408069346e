import { readFileSync } from "node:fs";
import { openDatabase } from "../../src/db/connection.js";
import { createSearchService } from "../../src/search/search-service.js";

/**
 * What the bot process does: open the archive, search. Run as a fresh child process so its
 * peak RSS is the bot's, not the benchmark's. Prints one JSON line.
 */
const [dbPath, queriesPath] = process.argv.slice(2);
const db = openDatabase(dbPath!);
const search = createSearchService(db);
const queries = JSON.parse(readFileSync(queriesPath!, "utf8")) as string[];
let hits = 0;
for (const q of queries) hits += search.search(q, { limit: 10 }).hits.length;
db.close();
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ maxRssMb, queries: queries.length, hits }));
