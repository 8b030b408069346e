import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalFeedServer {
  /** An absolute URL on this server. */
  url(path: string): string;
  /** Replaces or adds a route. */
  route(path: string, handler: Route): void;
  /** Requests received, in order: path and the headers that matter here. */
  readonly requests: Array<{ path: string; headers: IncomingMessage["headers"] }>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 and a random port, answering from a table of routes. */
export async function startLocalFeedServer(
  routes: Record<string, Route> = {},
): Promise<LocalFeedServer> {
  const table = new Map(Object.entries(routes));
  const requests: LocalFeedServer["requests"] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, headers: req.headers });
    const handler = table.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, handler) => table.set(path, handler),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route that answers with a fixed body and headers. */
export function serve(
  body: string | Uint8Array,
  headers: Record<string, string> = {},
  status = 200,
): Route {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/rss+xml; charset=utf-8", ...headers });
    res.end(body);
  };
}
