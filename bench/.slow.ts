import { openDatabase } from "../src/db/connection.js";
import { createSearchService } from "../src/search/search-service.js";
import { SHARED_FIXTURES } from "../tests/support/fixtures.js";
import { createCorpus } from "./support/corpus.js";
import { corpusDbPath } from "./support/corpus-db.js";
import { makePartialQueries, makeQueries } from "./support/queries.js";

const corpus = createCorpus(SHARED_FIXTURES);
const en = makeQueries(corpus.en, 300);
const ru = makeQueries(corpus.ru, 300, 17);
const db = openDatabase(corpusDbPath(1_000_000));
const stats = new Map<string, [number, number]>();
const origPrepare = db.prepare.bind(db);
(db as any).prepare = (sql: string) => {
  const st = origPrepare(sql) as any;
  for (const m of ["all", "get", "run", "iterate"]) {
    const f = st[m].bind(st);
    st[m] = (...a: unknown[]) => {
      const t0 = performance.now();
      const r = f(...a);
      const e = stats.get(sql) ?? [0, 0];
      e[0] += performance.now() - t0;
      e[1]++;
      stats.set(sql, e);
      return r;
    };
  }
  const pl = st.pluck.bind(st);
  st.pluck = (...a: unknown[]) => {
    pl(...a);
    return st;
  };
  return st;
};
const search = createSearchService(db);
for (const q of [...en.slice(0, 20), ...ru.slice(0, 20)]) search.search(q, { limit: 10 });
for (const [name, qs] of [
  ["en", en],
  ["ru", ru],
] as const) {
  const times: [number, string][] = [];
  for (const q of qs) {
    const t0 = performance.now();
    search.search(q, { limit: 10 });
    times.push([performance.now() - t0, q]);
  }
  const sorted = times.map((t) => t[0]).sort((a, b) => a - b);
  console.log(
    name,
    "p50",
    sorted[149]!.toFixed(2),
    "p95",
    sorted[284]!.toFixed(2),
    "max",
    sorted[299]!.toFixed(2),
  );
  if (process.env.SHOW)
    for (const [t, q] of times.sort((a, b) => b[0] - a[0]).slice(0, 25))
      console.log("  ", t.toFixed(2), JSON.stringify(q));
}

for (const [sql, [ms, n]] of [...stats].sort((a, b) => b[1][0] - a[1][0]).slice(0, 10))
  console.log(
    ms.toFixed(0).padStart(6),
    "ms",
    String(n).padStart(6),
    sql.replace(/\s+/g, " ").slice(0, 150),
  );
