/**
 * The worker thread that reads feeds (gunzip, decode, parse, HTML to text) away from the bot's
 * thread. One message in, one answer out; a feed that takes too long is stopped from outside.
 */
import { parentPort } from "node:worker_threads";
import { feedErrorData } from "./feed-errors.js";
import { type ReadFeedOptions, readFeed } from "./read-feed.js";

export interface ReadRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly options: ReadFeedOptions;
}

// Loading this module (and, from sources, compiling it) is not the feed's time.
parentPort?.postMessage({ ready: true });

parentPort?.on("message", (request: ReadRequest) => {
  try {
    parentPort!.postMessage({ id: request.id, result: readFeed(request.bytes, request.options) });
  } catch (error) {
    // An Error loses its class and its reason's data on the way out: it travels as plain data.
    parentPort!.postMessage({ id: request.id, error: feedErrorData(error) });
  }
});
