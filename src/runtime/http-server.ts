import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.js";
import { StartupFailure } from "./startup-failure.js";

/** Answers a request it recognises and returns true; false lets the next route try. */
export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  /** The variables that set host and port, named in the error when the port is taken. */
  readonly portVariable: string;
  readonly hostVariable: string;
  readonly routes: readonly Route[];
  readonly logger: Logger;
}

export interface RunningHttpServer {
  readonly server: Server;
  /** The port listened on (the real one when 0 was asked). */
  readonly port: number;
  close(): Promise<void>;
}

/** Sends a small JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
    "cache-control": "no-store",
  });
  res.end(json);
}

function listenFailure(error: NodeJS.ErrnoException, o: HttpServerOptions): StartupFailure {
  const where = `${o.host}:${o.port}`;
  switch (error.code) {
    case "EADDRINUSE":
      return new StartupFailure(
        `Cannot listen on ${where}: the port is already in use by another program. Stop that program, or set ${o.portVariable} to a free port.`,
      );
    case "EACCES":
      return new StartupFailure(
        `Cannot listen on ${where}: not allowed for this user (ports below 1024 need extra rights). Set ${o.portVariable} to 1024 or above.`,
      );
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return new StartupFailure(
        `Cannot listen on ${where}: ${o.host} is not an address of this machine. Set ${o.hostVariable} to one (0.0.0.0 for all, 127.0.0.1 for this machine only).`,
      );
    default:
      return new StartupFailure(`Cannot listen on ${where}: ${error.message}.`);
  }
}

/**
 * A plain node:http server trying its routes in order (404 when none answers; 500, without
 * details, when one throws). Resolves once listening; a port in use becomes a StartupFailure.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const server = createServer((req, res) => {
    void (async () => {
      for (const route of options.routes) if (await route(req, res)) return;
      sendJson(res, 404, { error: "not found" });
    })().catch((error: unknown) => {
      options.logger.error({ err: error, path: req.url }, "HTTP request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.end();
    });
  });
  // Telegram and scrapers keep connections open; idle ones must not hold a shutdown.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(listenFailure(error, options)));
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
