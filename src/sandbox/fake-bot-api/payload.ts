import type { IncomingMessage } from "node:http";
import { badRequest } from "./api-error.js";
import { parseMultipart } from "./multipart.js";

export type Payload = Record<string, unknown>;

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Form fields carry objects as JSON text (grammY stringifies them); decode those back. */
function decodeFormValue(value: string): unknown {
  const t = value.trimStart();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * Reads a Bot API request's parameters from the query string and the body: JSON,
 * x-www-form-urlencoded or multipart/form-data (uploaded files become `upload:<name>`).
 */
export async function readPayload(req: IncomingMessage, url: URL): Promise<Payload> {
  const payload: Payload = {};
  for (const [k, v] of url.searchParams) payload[k] = decodeFormValue(v);
  const raw = await readRaw(req);
  if (raw.length === 0) return payload;
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("application/json")) {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw badRequest("can't parse JSON object");
    }
    return Object.assign(payload, body);
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(raw.toString("utf8"))) payload[k] = decodeFormValue(v);
    return payload;
  }
  if (type.startsWith("multipart/form-data")) {
    const files = new Map<string, string>();
    for (const part of parseMultipart(raw, req.headers["content-type"]!)) {
      if (part.filename === undefined)
        payload[part.name] = decodeFormValue(part.data.toString("utf8"));
      else files.set(part.name, `upload:${part.filename || part.name}`);
    }
    // grammY names files by attach:// ids; put the upload where the attach:// reference was.
    for (const [k, v] of Object.entries(payload)) {
      if (typeof v === "string" && v.startsWith("attach://")) {
        payload[k] = files.get(v.slice("attach://".length)) ?? v;
      }
    }
    for (const [k, v] of files) if (!(k in payload)) payload[k] = v;
    return payload;
  }
  return payload;
}

/** A string parameter, or undefined when absent. Numbers are accepted as their text. */
export function optionalString(p: Payload, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw badRequest(`field "${name}" must be of type String`);
}

/** An integer parameter (number or numeric text), or undefined when absent. */
export function optionalInt(p: Payload, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  if (!Number.isInteger(n)) throw badRequest(`field "${name}" must be of type Integer`);
  return n;
}

/** A required integer parameter: missing → "Bad Request: <name> is empty", as Telegram words it. */
export function requiredInt(p: Payload, name: string): number {
  const n = optionalInt(p, name);
  if (n === undefined) throw badRequest(`${name} is empty`);
  return n;
}

/** A boolean parameter (true/false or their text). */
export function optionalBool(p: Payload, name: string): boolean | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  return v === true || v === "true" || v === "1" || v === 1;
}

/** An object or array parameter, decoding JSON text when a form sent it. */
export function optionalJson(p: Payload, name: string): unknown {
  const v = p[name];
  if (typeof v === "string") {
    try {
      return JSON.parse(v);
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }
  return v ?? undefined;
}
