import type { IncomingMessage, ServerResponse } from "node:http";
import type { Route } from "./http-server.js";
import { sendJson } from "./http-server.js";
import type { ReadinessReport } from "./readiness.js";

export interface HealthRouteDeps {
  readonly readiness: () => ReadinessReport;
  readonly metrics: { render(): Promise<string>; readonly contentType: string };
}

const PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * GET /healthz (the process is up), /readyz (JSON; 503 when not ready) and /metrics
 * (Prometheus text). Other methods on these paths get 405.
 */
export function createHealthRoute(deps: HealthRouteDeps): Route {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (!PATHS.has(path)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return true;
    }
    if (path === "/healthz") {
      sendJson(res, 200, { status: "ok", uptimeSeconds: Math.round(process.uptime()) });
    } else if (path === "/readyz") {
      const report = deps.readiness();
      sendJson(res, report.ready ? 200 : 503, report);
    } else {
      const text = await deps.metrics.render();
      res.writeHead(200, { "content-type": deps.metrics.contentType, "cache-control": "no-store" });
      res.end(text);
    }
    return true;
  };
}
