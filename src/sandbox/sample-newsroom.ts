import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readImportFile } from "../import/read-import-file.js";
import type { Services } from "../services.js";

const ARTICLES_DIR = fileURLToPath(new URL("./sample-newsroom/articles/", import.meta.url));
/** These wait in the queue (the two newest English stories), so "Post now" has something to post. */
const QUEUED_FILES = new Set(["05-tram-tickets.txt", "06-heat-warning.txt"]);

/** What loading the sample newsroom did. */
export interface SampleLoad {
  readonly stored: number;
  readonly queued: number;
}

/**
 * Loads the sample newsroom into the sandbox's archive: twelve articles in English and
 * Russian, written in the seed's shape and read by the same import as `npm run cli -- import`.
 * All are archived; the last few also wait in the queue so "Post now" has something to post.
 */
export function loadSampleNewsroom(services: Services): SampleLoad {
  const { config, articles, publishing } = services;
  const files = readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  const options = { timezone: config.timezone, footerLines: [config.postFooter] };
  const read = files.flatMap((file) =>
    readImportFile(ARTICLES_DIR + file, options).flatMap((e) =>
      e.ok ? [{ file, input: e.input }] : [],
    ),
  );
  // The ones that will wait in the queue are private until posted, like any queued story.
  const results = articles.storeMany(
    read.map((r) => ({
      ...r.input,
      visibility:
        publishing && QUEUED_FILES.has(r.file) ? ("private" as const) : ("public" as const),
    })),
  );
  let stored = 0;
  let queued = 0;
  results.forEach((result, i) => {
    if (result.status !== "created") return;
    stored++;
    if (publishing && QUEUED_FILES.has(read[i]!.file)) {
      if (publishing.queue.enqueue(result.article.id).status === "queued") queued++;
    }
  });
  return { stored, queued };
}
