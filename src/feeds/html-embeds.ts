import type { ImageCandidate } from "./picture-choice.js";

/** A video or audio the text embeds or links to. */
export interface Embed {
  readonly kind: "video" | "audio";
  /** Absolute, and for YouTube and Vimeo the page a reader can open (not the player). */
  readonly url: string;
}

const VIDEO_HOSTS =
  /(?:^|\.)(?:youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|dailymotion\.com|dai\.ly|rutube\.ru|vkvideo\.ru|twitch\.tv|wistia\.(?:com|net)|jwplayer\.com|brightcove\.net|vidible\.tv)$/i;
const AUDIO_HOSTS =
  /(?:^|\.)(?:soundcloud\.com|spotify\.com|podcasts\.apple\.com|bandcamp\.com|megaphone\.fm|simplecast\.com|libsyn\.com|buzzsprout\.com|anchor\.fm|podbean\.com|mixcloud\.com)$/i;
const VIDEO_FILE = /\.(?:mp4|m4v|webm|mov|ogv|m3u8)(?:[?#]|$)/i;
const AUDIO_FILE = /\.(?:mp3|m4a|aac|ogg|oga|opus|wav|flac)(?:[?#]|$)/i;

function absolute(ref: string | undefined, base: string | undefined): URL | undefined {
  const value = ref?.trim();
  if (!value) return undefined;
  try {
    // A protocol-relative player address ("//www.youtube.com/embed/…") is https today.
    const url = new URL(value.startsWith("//") ? `https:${value}` : value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The watch page of a YouTube or Vimeo player or link; other addresses as they are. */
function pageOf(url: URL): string {
  const host = url.hostname.replace(/^www\.|^m\./, "");
  const youtubeId =
    host === "youtu.be"
      ? url.pathname.slice(1)
      : /youtube(?:-nocookie)?\.com$/.test(host)
        ? (/^\/(?:embed|v|shorts|live)\/([\w-]{6,})/.exec(url.pathname)?.[1] ??
          (url.pathname === "/watch" ? url.searchParams.get("v") : null))
        : null;
  if (youtubeId && /^[\w-]{6,}$/.test(youtubeId))
    return `https://www.youtube.com/watch?v=${youtubeId}`;
  const vimeoId =
    host === "player.vimeo.com" ? /^\/video\/(\d+)/.exec(url.pathname)?.[1] : undefined;
  if (vimeoId) return `https://vimeo.com/${vimeoId}`;
  return url.href;
}

function kindOf(url: URL, hint?: "video" | "audio"): "video" | "audio" | undefined {
  if (VIDEO_HOSTS.test(url.hostname) || VIDEO_FILE.test(url.pathname)) return "video";
  if (AUDIO_HOSTS.test(url.hostname) || AUDIO_FILE.test(url.pathname)) return "audio";
  return hint;
}

/**
 * The embed an element stands for: an <iframe>/<embed>/<object> of a video or audio player,
 * a <video> or <audio> (or a <source> inside one). Iframes of anything else (ads, maps,
 * widgets) are not embeds a reader needs a line for.
 */
export function embedOf(
  name: string,
  attributes: Record<string, string>,
  base: string | undefined,
  inside?: "video" | "audio",
): Embed | undefined {
  const media =
    name === "video" || name === "audio" ? name : name === "source" ? inside : undefined;
  const ref = name === "object" ? attributes.data : attributes.src;
  const url = absolute(ref, base);
  if (!url) return undefined;
  if (media) return { kind: kindOf(url, media) ?? media, url: pageOf(url) };
  if (name !== "iframe" && name !== "embed" && name !== "object") return undefined;
  const kind = kindOf(url);
  return kind ? { kind, url: pageOf(url) } : undefined;
}

/** A plain link (<a href>) to a YouTube or Vimeo video, as its watch page. */
export function videoLinkOf(href: string | undefined, base: string | undefined): Embed | undefined {
  const url = absolute(href, base);
  if (!url || !/(?:^|\.)(?:youtube\.com|youtu\.be|vimeo\.com)$/i.test(url.hostname))
    return undefined;
  const page = pageOf(url);
  const isVideo = page.includes("youtube.com/watch?v=") || /^https:\/\/vimeo\.com\/\d+$/.test(page);
  return isVideo ? { kind: "video", url: page } : undefined;
}

const LABELS: Record<string, { video: string; audio: string }> = {
  en: { video: "Video", audio: "Audio" },
  ru: { video: "Видео", audio: "Аудио" },
};

/** The line an embed becomes in the text: "Video: https://…", in the feed's language when known. */
export function embedLine(embed: Embed, language: string | undefined): string {
  const labels = LABELS[language?.slice(0, 2).toLowerCase() ?? "en"] ?? LABELS.en!;
  return `${labels[embed.kind]}: ${embed.url}`;
}

const sizeOf = (value: string | undefined) => {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
};

/** An inline <img> as a picture candidate: its address, declared size and class. */
export function imageOf(attributes: Record<string, string>): ImageCandidate | undefined {
  // Lazy-loading pages put a placeholder (often a data: URI) in src and the picture in data-src.
  const src = attributes.src?.trim();
  const url = src && !src.startsWith("data:") ? src : attributes["data-src"]?.trim();
  if (!url || url.startsWith("data:")) return undefined;
  return {
    url,
    width: sizeOf(attributes.width),
    height: sizeOf(attributes.height),
    className: attributes.class,
  };
}
