import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError } from "./api-error.js";
import type { FailurePlan } from "./failures.js";
import { chatMethods } from "./methods/chats.js";
import { commandMethods } from "./methods/commands.js";
import { fileMethods } from "./methods/files.js";
import type { MethodHandler } from "./methods/handler.js";
import { messageMethods } from "./methods/messages.js";
import { queryMethods } from "./methods/queries.js";
import { updateMethods } from "./methods/updates.js";
import { type Payload, readPayload } from "./payload.js";
import type { FakeState } from "./state.js";
import type { AcceptedFailure, FakeFailure, RecordedCall } from "./types.js";

const METHODS: Record<string, MethodHandler> = {
  ...chatMethods,
  ...commandMethods,
  ...fileMethods,
  ...messageMethods,
  ...queryMethods,
  ...updateMethods,
};

/** Method names are case-insensitive in the Bot API. */
const BY_LOWER_NAME = new Map(Object.keys(METHODS).map((name) => [name.toLowerCase(), name]));

export interface ServerDeps {
  state: FakeState;
  failures: FailurePlan;
  calls: RecordedCall[];
  /** Told of every answered call, with the result on success (the sandbox's web view listens). */
  onCall?: (call: RecordedCall, result: unknown) => void;
}

export interface RunningServer {
  server: Server;
  apiRoot: string;
  /** Ends held ("timeout") requests and long polls, then stops listening. */
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}

/** Starts the fake Bot API on 127.0.0.1 and a free port. */
export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  const held = new Set<ServerResponse>();
  const closing = new AbortController();

  const record = (
    method: string,
    payload: Payload,
    outcome: Partial<RecordedCall>,
    result?: unknown,
  ) => {
    const call: RecordedCall = { method, payload, ok: false, at: deps.state.now(), ...outcome };
    deps.calls.push(call);
    deps.onCall?.(call, result);
  };
  const refuse = (res: ServerResponse, method: string, payload: Payload, error: ApiError) => {
    record(method, payload, {
      ok: false,
      errorCode: error.errorCode,
      description: error.description,
    });
    send(res, error.errorCode, error.toBody());
  };

  /** Loses the answer to a call that was carried out (see AcceptedFailure). */
  const loseAnswer = (res: ServerResponse, failure: AcceptedFailure, result: unknown) => {
    if (failure === "accepted-then-closed") {
      res.socket?.destroy();
    } else if (failure === "accepted-held") {
      held.add(res);
      res.on("close", () => held.delete(res));
    } else if (failure === "accepted-invalid-json") {
      const body = "<html><body>502 Bad Gateway</body></html>";
      res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
      res.end(body);
    } else {
      const json = JSON.stringify({ ok: true, result });
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(json),
      });
      res.write(json.slice(0, Math.floor(json.length / 2)));
      // Flushed first, so the client really sees half an answer before the connection ends.
      setTimeout(() => res.socket?.destroy(), 20);
    }
  };

  const isAccepted = (failure: FakeFailure | undefined): failure is AcceptedFailure =>
    typeof failure === "string" && failure.startsWith("accepted-");

  const fail = (
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    payload: Payload,
    failure: Exclude<FakeFailure, AcceptedFailure | { delayMs: number }>,
  ) => {
    if (failure === "network") {
      record(method, payload, { description: "fake: connection destroyed" });
      req.socket.destroy();
    } else if (failure === "timeout") {
      record(method, payload, { description: "fake: never answered" });
      held.add(res);
      res.on("close", () => held.delete(res));
    } else {
      const retry =
        failure.retryAfter === undefined ? undefined : { retry_after: failure.retryAfter };
      refuse(res, method, payload, new ApiError(failure.errorCode, failure.description, retry));
    }
  };

  /** `GET /file/bot<token>/<file_path>`: a file's bytes, as Telegram serves downloads. */
  const serveFile = (url: URL, res: ServerResponse): boolean => {
    const file = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
    if (!file) return false;
    const found =
      file[1] === deps.state.token
        ? [...deps.state.files.values()].find((f) => f.path === file[2])
        : undefined;
    if (!found) send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    else {
      res.writeHead(200, {
        "content-type": "application/octet-stream",
        "content-length": found.content.byteLength,
      });
      res.end(found.content);
    }
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (serveFile(url, res)) return;
    const match = /^\/bot([^/]*)\/([^/]*)$/.exec(url.pathname);
    const method = BY_LOWER_NAME.get(match?.[2]?.toLowerCase() ?? "") ?? match?.[2] ?? url.pathname;
    let payload: Payload = {};
    try {
      payload = await readPayload(req, url);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return refuse(res, method, payload, e);
    }
    if (!match || match[1] !== deps.state.token) {
      const error = match ? new ApiError(401, "Unauthorized") : new ApiError(404, "Not Found");
      return refuse(res, method, payload, error);
    }
    const handler = METHODS[method];
    if (!handler) return refuse(res, method, payload, new ApiError(404, "Not Found"));
    const failure = deps.failures.take(method, payload.chat_id);
    if (failure && typeof failure === "object" && "delayMs" in failure) {
      await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
    } else if (failure && !isAccepted(failure)) return fail(req, res, method, payload, failure);
    const gone = new AbortController();
    const abort = () => gone.abort();
    res.on("close", abort);
    closing.signal.addEventListener("abort", abort, { once: true });
    try {
      const result = await handler(deps.state, payload, gone.signal);
      if (isAccepted(failure)) {
        record(method, payload, { ok: true, description: `fake: ${failure}` }, result);
        return loseAnswer(res, failure, result);
      }
      record(method, payload, { ok: true }, result);
      send(res, 200, { ok: true, result });
    } catch (e) {
      if (e instanceof ApiError) return refuse(res, method, payload, e);
      throw e;
    } finally {
      // One listener per request on the server-wide signal would pile up over a long run.
      closing.signal.removeEventListener("abort", abort);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A bug in the fake itself: make it loud in the test output, and answer like a 500.
      console.error("fake Bot API failed:", e);
      send(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;

  return {
    server,
    apiRoot: `http://127.0.0.1:${port}`,
    close: () => {
      stopped ??= stop();
      return stopped;
    },
  };

  async function stop(): Promise<void> {
    closing.abort();
    deps.state.updates.wakeAll();
    for (const res of held) res.destroy();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
