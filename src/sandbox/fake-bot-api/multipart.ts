import { badRequest } from "./api-error.js";

export interface MultipartPart {
  name: string;
  /** Set for file parts. */
  filename?: string;
  data: Buffer;
}

/** `name="x"`, `name=x` (grammY leaves file names unquoted), in a Content-Disposition header. */
function dispositionParam(header: string, param: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${param}=(?:"([^"]*)"|([^;]*))`, "i").exec(header);
  return match ? (match[1] ?? match[2]?.trim()) : undefined;
}

/**
 * Splits a multipart/form-data body into its parts. Written for the fake because Node's built-in
 * FormData parser refuses grammY's unquoted `filename=` parameters, which Telegram accepts.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2]?.trim();
  if (!marker) throw badRequest("can't parse multipart/form-data: no boundary");
  const delimiter = Buffer.from(`--${marker}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    // A part is CRLF, headers, CRLF CRLF, data, CRLF, then the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) throw badRequest("can't parse multipart/form-data: part without headers");
    const headers = part.subarray(0, headerEnd).toString("utf8").split("\r\n");
    const disposition = headers.find((h) => /^content-disposition\s*:/i.test(h)) ?? "";
    const name = dispositionParam(disposition, "name");
    if (name === undefined)
      throw badRequest("can't parse multipart/form-data: part without a name");
    const filename = dispositionParam(disposition, "filename");
    parts.push({
      name,
      data: part.subarray(headerEnd + 4),
      ...(filename !== undefined ? { filename } : {}),
    });
    pos = next;
  }
  return parts;
}
