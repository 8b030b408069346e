import type { Db } from "../db/connection.js";
import { createSearchIndexRepository } from "../db/search-index-repository.js";

/** How far re-indexing the archive has got. */
export interface ReindexProgress {
  /** Articles' id range covered so far (ids are about articles). */
  readonly done: number;
  readonly total: number;
  readonly finished: boolean;
}

const FINISHED: ReindexProgress = { done: 0, total: 0, finished: true };

/**
 * Re-indexes the articles stored before word forms were indexed (migrations/008 indexes the
 * newest 20,000 at once and leaves the rest here), newest first, in short transactions: each
 * step holds the write lock only for its own batch, so the bot keeps answering and storing
 * between steps, and the bot and `npm run cli -- reindex` can both work at it.
 */
export function createReindexer(db: Db) {
  const repo = createSearchIndexRepository(db);

  function progress(): ReindexProgress {
    const state = repo.state();
    if (!state) return FINISHED;
    return { done: state.fromId - state.nextId, total: state.fromId, finished: false };
  }

  return {
    /** Where re-indexing stands (finished when there is nothing to do). */
    progress,

    /**
     * Indexes the next `batch` ids down (one IMMEDIATE transaction), and any article written
     * in SQL by hand and not indexed yet, and returns the progress.
     */
    step(batch: number): ReindexProgress {
      db.transaction(() => {
        // Articles added by hand in SQL since the archive last stored one.
        repo.indexPending();
        const state = repo.state();
        if (!state) return;
        repo.indexRange(Math.max(0, state.nextId - batch), state.nextId);
      }).immediate();
      return progress();
    },
  };
}

export type Reindexer = ReturnType<typeof createReindexer>;
