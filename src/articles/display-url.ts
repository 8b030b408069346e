/**
 * Query parameters that only tell the site where a reader came from. Narrower than the list used
 * to recognise duplicates (canonical-url.ts): a shown link must still open the same page, so
 * names a site might use for content ("from", "ref", "share") are left alone.
 */
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "gclsrc",
  "dclid",
  "msclkid",
  "yclid",
  "igshid",
  "twclid",
  "mc_cid",
  "mc_eid",
  "_ga",
  "_gl",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  "ref_src",
  "cmpid",
  "ncid",
  "ocid",
  "sr_share",
  "spm",
]);

const TRACKING_PREFIXES = ["utm_", "at_", "pk_", "mtm_"];

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * A link as readers should see it: the same address without tracking parameters (`utm_*`,
 * `at_*`, `fbclid`, …). Everything else (path, other parameters in their order, fragment) is kept
 * as written. Anything that is not an http(s) URL comes back unchanged.
 */
export function displayUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return raw;
  const names = [...new Set(url.searchParams.keys())];
  const tracking = names.filter(isTracking);
  if (tracking.length === 0) return raw;
  for (const name of tracking) url.searchParams.delete(name);
  if (url.searchParams.size === 0) url.search = "";
  return url.href;
}
