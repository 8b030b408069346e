import { describe, expect, it } from "vitest";
import { startBotHarness } from "../support/bot-harness.js";
import { privateMessage, READER } from "../support/updates.js";
import { closedAfterEach } from "./harness-lifecycle.js";
import { searchDeps } from "./readers/search-support.js";

const start = closedAfterEach(startBotHarness);
const SORRY = "Sorry, something went wrong on our side. Please try again in a minute.";

describe("when a reader's request fails", () => {
  it("apologises for a fault of our own", async () => {
    const h = await start({
      deps: () => ({
        search: {
          search: () => {
            throw new Error("index corrupted");
          },
        },
      }),
    });
    await h.send(privateMessage("/search harbour", { from: READER }));
    expect(h.fake.messages(READER.id).map((m) => m.text)).toEqual([SORRY]);
  });

  it("sends no 'Sorry' into the same limits when Telegram keeps answering 429", async () => {
    const h = await start({ deps: searchDeps });
    // A wait longer than the scheduler waits out: the reply fails with the 429 in the end.
    h.fake.failNext("sendMessage", {
      errorCode: 429,
      description: "Too Many Requests: retry after 300",
      retryAfter: 300,
    });
    await h.send(privateMessage("/search harbour", { from: READER }));
    expect(h.fake.callsTo("sendMessage").map((c) => c.errorCode)).toEqual([429]);
    expect(h.fake.messages(READER.id)).toEqual([]);
  });
});
