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

/**
 * How the bytes read as UTF-8: non-ASCII characters decoded, and bad sequences (each maximal
 * invalid run counts once, as the decoder replaces it with U+FFFD).
 */
function utf8Quality(bytes: Uint8Array): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (const char of new TextDecoder("utf-8").decode(bytes)) {
    if (char === "\uFFFD") bad++;
    else if (char.charCodeAt(0) >= 0x80) good++;
  }
  return { good, bad };
}

/**
 * UTF-16 without a byte-order mark: markup starts with ASCII (`<?xml`, `<rss`, white space), so
 * every other byte of the first characters is NUL — the odd ones in little-endian text, the
 * even ones in big-endian.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const pairs = Math.min(32, Math.floor(bytes.length / 2));
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  const startsWithMarkup = (first: number | undefined) =>
    first === 0x3c || first === 0x20 || first === 0x0a || first === 0x0d || first === 0x09;
  if (oddNul === pairs && evenNul === 0 && startsWithMarkup(bytes[0])) return "utf-16le";
  if (evenNul === pairs && oddNul === 0 && startsWithMarkup(bytes[1])) return "utf-16be";
  return undefined;
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
      { cause: error },
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
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, skip: 0 };
  // Single-byte text almost never forms valid multi-byte UTF-8 by chance, while mislabelled
  // UTF-8 is common: text that is UTF-8 with at most a few bad bytes (one in ten of its
  // non-ASCII characters) is UTF-8 whatever the labels say, the bad bytes replaced.
  const { good, bad } = utf8Quality(bytes);
  if (good > 0 && bad * 10 <= good) return { encoding: "utf-8", skip: 0 };
  // A label is believed unless the bytes contradict it: UTF-8 whose non-ASCII bytes are mostly
  // invalid is not UTF-8; UTF-16 is never written without NUL bytes (checked above).
  const believable = (e: string | undefined): e is string =>
    e !== undefined && !(e === "utf-8" && bad > good) && !e.startsWith("utf-16");
  const declared = [charsetOfContentType(contentType), xmlDeclarationEncoding(bytes)].find(
    believable,
  );
  if (declared) return { encoding: declared, skip: 0 };
  if (bad === 0) return { encoding: "utf-8", skip: 0 };
  const guess = normaliseLabel(chardet.detect(bytes) ?? undefined);
  return { encoding: guess && guess !== "utf-8" ? guess : "windows-1252", skip: 0 };
}

/**
 * Turns a feed body into text: gunzips it if it is gzip, then decodes it honouring, in order,
 * a byte-order mark, UTF-16 recognised by its NUL bytes, text that is (nearly all) UTF-8, the
 * HTTP charset, the XML declaration, and a statistical guess (for undeclared KOI8-R or Latin-1).
 */
export function decodeFeedBytes(body: Uint8Array, contentType?: string | null): string {
  const bytes = gunzipIfNeeded(body);
  const { encoding, skip } = detectFeedEncoding(bytes, contentType);
  return iconv.decode(
    Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.byteLength - skip),
    encoding,
  );
}
