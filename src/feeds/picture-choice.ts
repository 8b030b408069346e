/** One image a feed entry offers, with what the feed declares about it. */
export interface ImageCandidate {
  /** As written in the feed (may be relative). */
  readonly url: string;
  readonly width?: number | undefined;
  readonly height?: number | undefined;
  /** The class attribute of an inline <img>. */
  readonly className?: string | undefined;
}

/**
 * Where an entry's images come from, each list in the feed's order. The picture is taken from
 * the first list that has a real one, in this order of trust.
 */
export interface PictureSources {
  /** Media RSS media:content images (also inside media:group) and their thumbnails. */
  readonly media: readonly ImageCandidate[];
  /** The entry's own media:thumbnail elements. */
  readonly thumbnails: readonly ImageCandidate[];
  /** Enclosures (RSS, Atom rel="enclosure", JSON Feed attachments) with an image type. */
  readonly enclosures: readonly ImageCandidate[];
  /** A declared "featured" image like a page's og:image: JSON Feed image/banner_image, itunes:image. */
  readonly featured: readonly ImageCandidate[];
}

export const NO_PICTURES: PictureSources = {
  media: [],
  thumbnails: [],
  enclosures: [],
  featured: [],
};

/** A side shorter than this (declared in pixels) is an icon, a button or a pixel, not a picture. */
export const MIN_PICTURE_SIDE = 50;

/** Class names of images that decorate rather than illustrate. */
const ICON_CLASS =
  /(?:^|[\s_-])(?:wp-smiley|smiley|emoji|emoticon|icon|avatar|gravatar|share|sharing|social|badge|button|btn|cta|pixel|tracking|feedflare|logo)(?:$|[\s_-])/i;

/**
 * Addresses of images that are never an article's picture: FeedBurner's share buttons and
 * counters (`/~ff/`, `/~r/`, `/~a/`), ad and tracking pixels, emoji and smiley sets, avatars,
 * favicons, call-to-action buttons and file-type icons.
 */
const ICON_URL = [
  /\/~(?:ff|r|a|at)\//i,
  /(?:^|\.)(?:doubleclick\.net|pheedo\.com|bluekai\.com|adsrvr\.org|feedsportal\.com|scorecardresearch\.com|quantserve\.com)$/i,
  /(?:^|\.)(?:stats\.wordpress\.com|pixel\.wp\.com|gravatar\.com|s\.w\.org)$/i,
  /^(?:pixel|tracking|track|beacon|analytics)\./i,
  /\/cta\/default\//i,
  /feeds\.wordpress\.com\/1\.0\//i,
  /\/(?:smilies|smileys|smiley|emoji|emoticons?|icons?|style_images|badges?|buttons?|share-?buttons)\//i,
  /\/(?:favicon|spacer|blank|pixel|transparent|1x1|clear|dot|tracker|beacon|b)\.(?:gif|png|jpe?g|ico|webp)$/i,
  /[/_-](?:pixel|spacer|tracker|beacon)\.(?:gif|png|jpe?g|webp)$|\/(?:tracking|pixels?)\//i,
  /[/_-](?:\w+[_-])?icons?(?:[_-]\w+)*\.(?:png|gif|jpe?g|svg|webp)$/i,
  /\.(?:ico|svg)$/i,
  // File-type pictures beside a download link: WordPress's own images, mime-type icon sets, pdf.gif.
  /\/(?:wp-includes\/images|filetypes?|file-?icons|mime-?icons?|mimetypes)\//i,
  /\/(?:pdf|docx?|xlsx?|pptx?|zip|rar|txt|file|document|download|attachment)\.(?:gif|png)$/i,
  /\/_\/stat\b|__ptq\.gif/i,
];

function parsedUrl(url: string): { host: string; rest: string } {
  try {
    const u = new URL(url, "https://relative.invalid/");
    return { host: u.hostname, rest: `${u.hostname}${u.pathname}` };
  } catch {
    return { host: "", rest: url };
  }
}

/** Declared sides further apart than this are an ad banner (468×60) or a divider, not a picture. */
const MAX_ASPECT = 4;

/**
 * True when the declared size, class or address says the image is an icon, emoji, button,
 * tracking pixel or banner, not the story's picture.
 */
export function looksLikeIcon(image: ImageCandidate): boolean {
  const { width, height } = image;
  const tiny = [width, height].some(
    (side) => side !== undefined && Number.isFinite(side) && side < MIN_PICTURE_SIDE,
  );
  if (tiny) return true;
  if (width && height && Math.max(width / height, height / width) > MAX_ASPECT) return true;
  if (image.className && ICON_CLASS.test(image.className)) return true;
  const { host, rest } = parsedUrl(image.url);
  return ICON_URL.some((pattern) => pattern.test(host) || pattern.test(rest));
}

const area = (image: ImageCandidate) => (image.width ?? 0) * (image.height ?? 0);

/** The largest real image of a list (declared width × height; unknown sizes rank last, in order). */
function largest(images: readonly ImageCandidate[]): ImageCandidate | undefined {
  let best: ImageCandidate | undefined;
  for (const image of images) {
    if (looksLikeIcon(image)) continue;
    if (!best || area(image) > area(best)) best = image;
  }
  return best;
}

/**
 * The entry's picture: the largest Media RSS image, else the largest media:thumbnail, else the
 * first image enclosure, else a featured image, else the first inline <img> of the text that is
 * not an icon. `usable` turns a candidate's address into an absolute http(s) URL, or undefined.
 */
export function choosePicture(
  sources: PictureSources,
  inline: readonly ImageCandidate[],
  usable: (url: string) => string | undefined,
): string | undefined {
  const withUrl = (images: readonly ImageCandidate[]) =>
    images.flatMap((image) => {
      const url = usable(image.url);
      return url ? [{ ...image, url }] : [];
    });
  const ordered = (images: readonly ImageCandidate[]) =>
    withUrl(images).find((image) => !looksLikeIcon(image));
  return (
    largest(withUrl(sources.media)) ??
    largest(withUrl(sources.thumbnails)) ??
    ordered(sources.enclosures) ??
    ordered(sources.featured) ??
    ordered(inline)
  )?.url;
}
