import { Session } from "node:inspector/promises";

/** Where the CPU time of a profiled piece of work went, in shares of the whole. */
export interface CpuProfile {
  readonly totalMs: number;
  /** [what, share 0–1], largest first. */
  readonly shares: readonly (readonly [string, number])[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** Native better-sqlite3 frames: SQLite's own work, named by the JavaScript that asked. */
const NATIVE = new Set(["run", "get", "all", "iterate", "exec"]);

function sqliteCategory(caller: ProfileNode["callFrame"] | undefined): string {
  const url = caller?.url ?? "";
  if (url.includes("db/search-index-repository"))
    return "SQLite: FTS5 insert of the batch's stems, vocabulary";
  if (url.includes("db/articles-repository"))
    return "SQLite: article rows, their indexes, dedup lookups";
  if (url.includes("better-sqlite3")) return "SQLite: commit";
  return "SQLite: other statements";
}

/** Names the time spent in a function (its own time, not its callees'). */
function category(frame: ProfileNode["callFrame"], caller?: ProfileNode["callFrame"]): string {
  const { functionName: fn, url } = frame;
  if (url === "" && NATIVE.has(fn)) return sqliteCategory(caller);
  // Native helpers (TextDecoder, hashing) count for the JavaScript that called them.
  if (url === "" && caller?.url) return category(caller);
  if (fn === "(garbage collector)") return "garbage collection";
  if (fn === "(program)" || fn === "(idle)") return "other (V8, idle)";
  if (
    url.includes("search/index-functions") ||
    url.includes("search/form-memory") ||
    url.includes("search/word-forms") ||
    url.includes("search/article-indexer")
  )
    return "index forms: looking words up in the form memory (JS)";
  if (url.includes("search/words") || url.includes("search/language"))
    return "index forms: normalising text, finding its words, detecting language (JS)";
  if (url.includes("porter2") || url.includes("@orama/stemmers"))
    return "Snowball stemmers (JS, new words only)";
  if (url.includes("articles/content-hash") || url.includes("crypto"))
    return "content fingerprint (normalise + SHA-256)";
  if (url.includes("better-sqlite3") || url.includes("db/")) return "better-sqlite3 calls (JS)";
  if (url.includes("articles/")) return "ArticleService (validation, dedup logic)";
  return "other JavaScript";
}

/** Runs `work` under V8's sampling profiler and sums its self time by category. */
export async function profileOf(work: () => unknown): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  work();
  const { profile } = (await session.post("Profiler.stop")) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  session.disconnect();
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node);
  const byCategory = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const micros = byNode.get(node.id) ?? 0;
    total += micros;
    const name = category(node.callFrame, parent.get(node.id)?.callFrame);
    byCategory.set(name, (byCategory.get(name) ?? 0) + micros);
  }
  const shares = [...byCategory.entries()]
    .map(([name, micros]) => [name, micros / Math.max(1, total)] as const)
    .sort((a, b) => b[1] - a[1]);
  return { totalMs: total / 1000, shares };
}
