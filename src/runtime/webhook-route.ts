import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Bot, type Context, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import { type Route, sendJson } from "./http-server.js";

/** Telegram's updates are small; anything larger is not from Telegram. */
export const MAX_WEBHOOK_BODY = 1024 * 1024;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookRouteOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any bot context fits
  readonly bot: Bot<any>;
  /** The path of WEBHOOK_URL: the only one answered. */
  readonly path: string;
  readonly secret: string;
  readonly logger: Logger;
  /** Called for every authenticated update (for /readyz). */
  readonly onCall?: () => void;
  /**
   * Longest time a request is held while its update is handled; then Telegram gets its 200
   * and the handling goes on. Default 8 s (Telegram resends after a timeout or an error).
   */
  readonly answerWithinMs?: number;
  readonly maxBodyBytes?: number;
}

/** Compares in constant time, whatever the lengths (both sides are hashed first). */
export function secretMatches(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(secret).digest();
  return timingSafeEqual(a, b);
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (declared > limit) throw new BodyError(413, "body too large");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyError(413, "body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parseUpdate(body: Buffer): Update {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    throw new BodyError(400, "body is not JSON");
  }
  const id = (value as { update_id?: unknown } | null)?.update_id;
  if (typeof value !== "object" || value === null || !Number.isSafeInteger(id)) {
    throw new BodyError(400, "body is not a Telegram update");
  }
  return value as Update;
}

/**
 * The webhook endpoint: checks the secret header (constant time; 401 and nothing read
 * otherwise), refuses bodies over 1 MB (413), other content types (415) and anything that is
 * not a JSON update (400), skips an update it already took (Telegram resending), and hands the
 * rest to grammY's webhookCallback. A slow update does not hold the answer past answerWithinMs:
 * Telegram gets its 200 and handling continues, so the update is not sent again.
 */
export function createWebhookRoute(options: WebhookRouteOptions): Route {
  const { logger } = options;
  const limit = options.maxBodyBytes ?? MAX_WEBHOOK_BODY;
  const seen = new Set<number>();
  const remember = (id: number) => {
    seen.add(id);
    // Telegram resends within minutes; the last thousand ids are plenty.
    if (seen.size > 1000) seen.delete(seen.values().next().value as number);
  };
  const handle = webhookCallback(
    options.bot as Bot<Context>,
    (update: Update, req: IncomingMessage, res: ServerResponse) => ({
      update,
      header: req.headers[SECRET_HEADER] as string | undefined,
      end: () => res.end(),
      respond: (json: string) =>
        res.writeHead(200, { "content-type": "application/json" }).end(json),
      unauthorized: () => res.writeHead(401).end(),
    }),
    {
      onTimeout: () => logger.warn("an update took longer than the webhook answer time"),
      timeoutMilliseconds: options.answerWithinMs ?? 8_000,
      secretToken: options.secret,
    },
  );

  return async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== options.path) return false;
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return true;
    }
    const header = req.headers[SECRET_HEADER];
    if (!secretMatches(typeof header === "string" ? header : undefined, options.secret)) {
      logger.warn({ from: req.socket.remoteAddress }, "webhook call without the right secret");
      sendJson(res, 401, { error: "unauthorized" });
      req.resume();
      return true;
    }
    const type = String(req.headers["content-type"] ?? "")
      .split(";")[0]!
      .trim()
      .toLowerCase();
    if (type !== "application/json") {
      sendJson(res, 415, { error: "expected application/json" });
      req.resume();
      return true;
    }
    let update: Update;
    try {
      update = parseUpdate(await readBody(req, limit));
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      // Nothing more of an oversized body is read: the connection closes after the answer.
      if (error.status === 413) res.once("finish", () => req.socket.destroy());
      sendJson(res, error.status, { error: error.message });
      return true;
    }
    options.onCall?.();
    if (seen.has(update.update_id)) {
      res.writeHead(200).end();
      return true;
    }
    remember(update.update_id);
    await handle(update, req, res);
    return true;
  };
}
