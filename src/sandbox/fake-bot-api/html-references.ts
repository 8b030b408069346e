/** Character references in Telegram HTML: only &lt; &gt; &amp; &quot; by name, any code point by number. */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
};

/** UTF-8 length of `s`, the unit of Telegram's "byte offset". */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** Decodes the reference starting at `&` in `s[at]`, or returns undefined when it is not one. */
export function decodeReference(s: string, at: number): { value: string; end: number } | undefined {
  const semi = s.indexOf(";", at + 1);
  if (semi < 0 || semi - at > 12) return undefined;
  const body = s.slice(at + 1, semi);
  let codePoint: number | undefined;
  if (/^#[0-9]{1,7}$/.test(body)) codePoint = Number.parseInt(body.slice(1), 10);
  else if (/^#[xX][0-9a-fA-F]{1,6}$/.test(body)) codePoint = Number.parseInt(body.slice(2), 16);
  else {
    const named = NAMED_ENTITIES[body];
    return named === undefined ? undefined : { value: named, end: semi + 1 };
  }
  const valid =
    codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
  return valid ? { value: String.fromCodePoint(codePoint), end: semi + 1 } : undefined;
}
