import type { MediaNs } from "feedsmith";
import type { ImageCandidate, PictureSources } from "./picture-choice.js";

type Media = MediaNs.ItemOrFeed;
type Sized = { url?: string; width?: number; height?: number };

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

/** A media:content is an image when it says so, or says nothing but has an image's name. */
function isImageContent(content: MediaNs.Content): boolean {
  if (content.medium) return content.medium === "image";
  if (content.type) return content.type.startsWith("image/");
  return IMAGE_EXTENSION.test(content.url ?? "");
}

function candidate(item: Sized | undefined): ImageCandidate[] {
  const url = item?.url?.trim();
  return url ? [{ url, width: item?.width, height: item?.height }] : [];
}

/** The Media RSS images of an entry: media:content (also in groups) and the thumbnails beside them. */
function mediaImages(media: Media): ImageCandidate[] {
  const contents = [
    ...(media.contents ?? []),
    ...(media.groups ?? []).flatMap((g) => g.contents ?? []),
  ];
  return [
    ...contents.filter(isImageContent).flatMap(candidate),
    ...contents.flatMap((c) => (c.thumbnails ?? []).flatMap(candidate)),
    ...(media.groups ?? []).flatMap((g) => (g.thumbnails ?? []).flatMap(candidate)),
  ];
}

/** Image candidates of an entry, grouped by where they come from. */
export function picturesOf(parts: {
  media?: Media | undefined;
  enclosures?: ReadonlyArray<{ url?: string; type?: string } | undefined>;
  featured?: ReadonlyArray<string | undefined>;
}): PictureSources {
  const { media } = parts;
  return {
    media: media ? mediaImages(media) : [],
    thumbnails: (media?.thumbnails ?? []).flatMap(candidate),
    enclosures: (parts.enclosures ?? [])
      .filter((e) => e?.type?.toLowerCase().startsWith("image/"))
      .flatMap((e) => candidate(e)),
    featured: (parts.featured ?? []).flatMap((url) => candidate({ url })),
  };
}

/**
 * The entry's media:description (of the item, a group or a content), as HTML: YouTube and
 * other video feeds carry their only text there.
 */
export function mediaDescription(media: Media | undefined): string | undefined {
  if (!media) return undefined;
  const all = [
    media.description,
    ...(media.groups ?? []).map((g) => g.description),
    ...(media.contents ?? []).map((c) => c.description),
    ...(media.groups ?? []).flatMap((g) => (g.contents ?? []).map((c) => c.description)),
  ];
  const found = all.find((d) => d?.value?.trim());
  if (!found?.value) return undefined;
  return found.type === "html" ? found.value : escapeText(found.value);
}

/** Plain text as HTML, its line breaks kept as <br>. */
function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, "<br>");
}
