import { MIMEType } from "node:util";
import { gunzipSync } from "node:zlib";
import chardet from "chardet";
import iconv from "iconv-lite";
import { FeedParseError } from "./feed-errors.js";

/** A gzip body can unpack to much more than it weighs; this bounds what we accept. */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

const GZIP_MAGIC = [0x1f, 0x8b];

/** Browsers read these Latin-1 labels as windows-1252, which also covers the 0x80–0x9F quotes. */
const LATIN1_ALIASES = new Set([
  "iso-8859-1",
  "iso8859-1",
  "latin1",
  "l1",
  "us-ascii",
  "ascii",
  "cp819",
]);

function normaliseLabel(label: string | undefined): string | undefined {
  const l = label
    ?.trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  if (!l) return undefined;
  if (LATIN1_ALIASES.has(l)) return "windows-1252";
  if (l === "utf8") return "utf-8";
  return iconv.encodingExists(l) ? l : undefined;
}

/** The charset parameter of an HTTP Content-Type header, if it names a known encoding. */
export function charsetOfContentType(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined;
  try {
    return normaliseLabel(new MIMEType(contentType).params.get("charset") ?? undefined);
  } catch {
    return undefined;
  }
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** The encoding named in `<?xml … encoding="…"?>`; the declaration is ASCII by definition. */
function xmlDeclarationEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1").trimStart();
  if (!head.startsWith("<?xml")) return undefined;
  const end = head.indexOf("?>");
  const declaration = end === -1 ? head : head.slice(0, end);
  const match = /\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(declaration);
  return normaliseLabel(match?.[1]);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

/** Unpacks a gzip body (a server that gzips without saying so, or a saved .gz file). */
export function gunzipIfNeeded(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES });
  } catch (error) {
    const tooBig =
      error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
    throw new FeedParseError(
      tooBig
        ? `the feed unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`
        : "the feed is gzip-compressed but the compressed data is broken",
      {
        cause: error,
        problem: tooBig
          ? { code: "too-large", mb: MAX_UNPACKED_BYTES / 1024 / 1024 }
          : { code: "gzip-broken" },
      },
    );
  }
}

/** The encoding a feed's bytes are in, and how many leading bytes (a BOM) to drop. */
export function detectFeedEncoding(
  bytes: Uint8Array,
  contentType?: string | null,
): { encoding: string; skip: number } {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom.encoding, skip: bom.length };
  // Text that is valid UTF-8 and uses multi-byte sequences is UTF-8 whatever the labels say:
  // single-byte text almost never forms valid UTF-8 by chance, while mislabelled UTF-8 is common.
  const utf8 = isValidUtf8(bytes);
  if (utf8 && hasNonAscii(bytes)) return { encoding: "utf-8", skip: 0 };
  const declared = [charsetOfContentType(contentType), xmlDeclarationEncoding(bytes)].find(
    (e) => e !== undefined && !(e === "utf-8" && !utf8),
  );
  if (declared) return { encoding: declared, skip: 0 };
  if (utf8) return { encoding: "utf-8", skip: 0 };
  const guess = normaliseLabel(chardet.detect(bytes) ?? undefined);
  return { encoding: guess && guess !== "utf-8" ? guess : "windows-1252", skip: 0 };
}

/**
 * Turns a feed body into text: gunzips it if it is gzip, then decodes it honouring, in order,
 * a byte-order mark, the HTTP charset, the XML declaration, valid UTF-8, and a statistical
 * guess (for undeclared KOI8-R or Latin-1).
 */
export function decodeFeedBytes(body: Uint8Array, contentType?: string | null): string {
  const bytes = gunzipIfNeeded(body);
  const { encoding, skip } = detectFeedEncoding(bytes, contentType);
  return iconv.decode(
    Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.byteLength - skip),
    encoding,
  );
}
