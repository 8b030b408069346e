import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

const WEB_DIR = fileURLToPath(new URL("./web/", import.meta.url));
const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
};
const MAX_BODY = 64 * 1024;

/** A JSON request the web view made; `reply` answers it. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown>;
}

export type ApiAnswer =
  | { status: number; json: unknown }
  | { status: number; text: string; type: string };
export type ApiHandler = (req: ApiRequest) => Promise<ApiAnswer | undefined>;

export interface WebServerOptions {
  readonly port: number;
  /** Routes under /api and /sample; undefined = 404. */
  readonly handle: ApiHandler;
  /** Registers a server-sent-events client; returns its unsubscribe. */
  readonly subscribe: (send: (data: unknown) => void) => () => void;
}

export interface WebServer {
  readonly url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(json);
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new Error("expected a JSON object");
  return parsed as Record<string, unknown>;
}

/**
 * Only pages served from this very address may drive the sandbox: the Host header must name
 * the loopback address (no DNS rebinding) and writes must be JSON (a cross-site form cannot
 * send that without a CORS preflight, which this server never grants).
 */
function refusedOrigin(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? "";
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return true;
  if (req.method === "POST") {
    return !(req.headers["content-type"] ?? "").startsWith("application/json");
  }
  return false;
}

async function serveStatic(res: ServerResponse, path: string): Promise<boolean> {
  const name = path === "/" ? "index.html" : path.replace(/^\/app\//, "");
  if (!/^[a-z-]+\.(html|js|css|svg|png)$/.test(name)) return false;
  try {
    const content = await readFile(WEB_DIR + name);
    const ext = name.split(".").pop()!;
    res.writeHead(200, {
      "content-type": TYPES[ext]!,
      "cache-control": "no-cache",
      // Pictures may come from feeds anywhere; everything else only from this server.
      "content-security-policy":
        "default-src 'self'; img-src 'self' http: https: data:; frame-ancestors 'none'",
    });
    res.end(content);
    return true;
  } catch {
    return false;
  }
}

/** The web view's HTTP server on 127.0.0.1: static files, a JSON API and a live event stream. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let port = options.port;
  const streams = new Set<ServerResponse>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (refusedOrigin(req, port)) return sendJson(res, 403, { error: "not from this page" });
    if (req.method === "GET" && url.pathname === "/api/events") {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      res.write(": connected\n\n");
      streams.add(res);
      const unsubscribe = options.subscribe((data) =>
        res.write(`data: ${JSON.stringify(data)}\n\n`),
      );
      req.on("close", () => {
        unsubscribe();
        streams.delete(res);
      });
      return;
    }
    if (req.method === "GET" && (url.pathname === "/" || url.pathname.startsWith("/app/"))) {
      if (await serveStatic(res, url.pathname)) return;
    }
    let body: Record<string, unknown> = {};
    if (req.method === "POST") {
      try {
        body = await readBody(req);
      } catch (error) {
        return sendJson(res, 400, { error: (error as Error).message });
      }
    }
    const answer = await options.handle({
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      body,
    });
    if (!answer) return sendJson(res, 404, { error: "not found" });
    if ("json" in answer) return sendJson(res, answer.status, answer.json);
    res.writeHead(answer.status, { "content-type": answer.type, "cache-control": "no-store" });
    res.end(answer.text);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
