import { openDatabase } from "../src/db/connection.js";
import { createSearchService } from "../src/search/search-service.js";
import { corpusDbPath } from "./support/corpus-db.js";

const db = openDatabase(corpusDbPath(1_000_000));
const log: string[] = [];
const origPrepare = db.prepare.bind(db);
(db as any).prepare = (sql: string) => {
  const st = origPrepare(sql) as any;
  for (const m of ["all", "get", "run", "iterate"]) {
    const f = st[m].bind(st);
    st[m] = (...a: unknown[]) => {
      const t0 = performance.now();
      const r = f(...a);
      const n = Array.isArray(r) ? r.length : 1;
      log.push(
        `${(performance.now() - t0).toFixed(2)}ms rows=${n} ${sql.replace(/\s+/g, " ").slice(0, 90)} | ${JSON.stringify(a).slice(0, 120)}`,
      );
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
search.search("warmup words here", { limit: 10 });
for (const q of process.argv.slice(2)) {
  for (let r = 0; r < 2; r++) {
    log.length = 0;
    const t0 = performance.now();
    const res = search.search(q, { limit: 10 });
    console.log(q, "run", r, (performance.now() - t0).toFixed(2), "ms hits", res.hits.length);
    if (r === 0) for (const l of log) console.log("   ", l);
  }
}
