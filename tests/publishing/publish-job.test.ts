import { afterEach, expect, it, vi } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { type PublishJob, startPublishJob } from "../../src/scheduler/publish-job.js";
import { type Harness, startHarness } from "./publisher-harness.js";

let h: Harness;
let job: PublishJob | undefined;
afterEach(async () => {
  await job?.stop();
  await h?.close();
});

const titles = () => h.posts().map((p) => p.text.split("\n")[0]);

it("posts queued items on the schedule, POSTS_PER_RUN per run", async () => {
  h = await startHarness();
  for (const title of ["First", "Second", "Third"]) h.queue.enqueue(h.addArticle(title));
  job = startPublishJob({
    schedule: "* * * * * *",
    timezone: "UTC",
    publisher: h.publisher,
    postsPerRun: 2,
    logger: silentLogger(),
  });
  await vi.waitFor(() => expect(titles()).toEqual(["First", "Second", "Third"]), {
    timeout: 10_000,
  });
});

it("stops taking work on stop() and waits for the post in flight", async () => {
  h = await startHarness();
  for (const title of ["In flight", "Left queued", "Also queued"])
    h.queue.enqueue(h.addArticle(title));
  job = startPublishJob({
    schedule: "0 0 1 1 *",
    timezone: "UTC",
    publisher: h.publisher,
    postsPerRun: 3,
    logger: silentLogger(),
  });
  // Telegram makes the first send wait a second, so stop() comes while it is in flight.
  h.fake.failNext("sendMessage", {
    errorCode: 429,
    description: "Too Many Requests: retry after 1",
    retryAfter: 1,
  });
  const run = job.runNow();
  await vi.waitFor(() => expect(h.fake.callsTo("sendMessage")).toHaveLength(1));

  await job.stop();
  job = undefined;

  expect(titles()).toEqual(["In flight"]);
  expect(h.queue.list().map((i) => [i.title, i.state])).toEqual([
    ["Left queued", "queued"],
    ["Also queued", "queued"],
  ]);
  expect(await run).toMatchObject([{ status: "posted" }]);
});
