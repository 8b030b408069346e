import { describe, expect, it } from "vitest";
import {
  parseQueueData,
  queueItemData,
  queuePageData,
} from "../../../src/bot/desk/keyboards/callback-data.js";

describe("queue button data", () => {
  it("round-trips and stays far below Telegram's 64 bytes", () => {
    const longest = queueItemData("p", 999_999_999_999, 9999);
    expect(Buffer.byteLength(longest)).toBeLessThanOrEqual(64);
    expect(parseQueueData(longest)).toEqual({
      kind: "item",
      action: "p",
      itemId: 999_999_999_999,
      page: 9999,
    });
    expect(parseQueueData(queueItemData("t", 5))).toEqual({ kind: "item", action: "t", itemId: 5 });
    expect(parseQueueData(queuePageData(2))).toEqual({ kind: "page", page: 2 });
  });

  it("rejects forged or malformed data", () => {
    for (const forged of [
      "q:x:1",
      "q:p:0",
      "q:p:-1",
      "q:p:1:2:3",
      "q:p:1e3",
      "q:p:1 ",
      "q:pg:",
      "q:p:01",
      "e:pq:1",
    ]) {
      expect(parseQueueData(forged)).toBeUndefined();
    }
  });
});
