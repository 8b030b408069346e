// Renders Telegram messages (text + entities, as a Telegram app does) into DOM nodes.

const TAGS = {
  bold: "b",
  italic: "i",
  underline: "u",
  strikethrough: "s",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
  expandable_blockquote: "blockquote",
};

function elementFor(entity, text, hooks) {
  const tag = TAGS[entity.type];
  if (tag) return document.createElement(tag);
  if (entity.type === "spoiler") {
    const span = document.createElement("span");
    span.className = "spoiler";
    span.title = "Spoiler: click to reveal";
    span.addEventListener("click", () => span.classList.add("revealed"));
    return span;
  }
  if (entity.type === "text_link" || entity.type === "url") {
    const href = entity.url ?? text.slice(entity.offset, entity.offset + entity.length);
    const a = document.createElement("a");
    a.href = /^https?:\/\//i.test(href) ? href : `https://${href}`;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.addEventListener("click", (event) => hooks.onLink?.(a.href, event));
    return a;
  }
  if (entity.type === "bot_command") {
    const a = document.createElement("a");
    a.href = "#";
    a.className = "command";
    a.addEventListener("click", (event) => {
      event.preventDefault();
      hooks.onCommand?.(text.slice(entity.offset, entity.offset + entity.length));
    });
    return a;
  }
  const span = document.createElement("span");
  span.className = `entity-${entity.type}`;
  return span;
}

function build(text, start, end, entities, hooks) {
  const fragment = document.createDocumentFragment();
  let pos = start;
  let i = 0;
  while (i < entities.length) {
    const entity = entities[i];
    const entityEnd = Math.min(entity.offset + entity.length, end);
    if (entity.offset < pos) {
      i++;
      continue;
    }
    if (entity.offset > pos) fragment.append(text.slice(pos, entity.offset));
    const inner = [];
    let j = i + 1;
    while (j < entities.length && entities[j].offset < entityEnd) {
      if (entities[j].offset + entities[j].length <= entityEnd) inner.push(entities[j]);
      j++;
    }
    const element = elementFor(entity, text, hooks);
    element.append(build(text, entity.offset, entityEnd, inner, hooks));
    fragment.append(element);
    pos = entityEnd;
    i = j;
  }
  if (pos < end) fragment.append(text.slice(pos, end));
  return fragment;
}

/** Text with its entities (UTF-16 offsets, like JavaScript strings) as DOM nodes. */
export function renderText(text, entities, hooks = {}) {
  const sorted = [...(entities ?? [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
  return build(text, 0, text.length, sorted, hooks);
}

const isImageUrl = (url) => /\.(png|jpe?g|gif|webp|svg)(\?|$)/i.test(url ?? "");

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children.filter((c) => c !== undefined && c !== null));
  return node;
}

function photoNode(photo) {
  if (/^https?:\/\//i.test(photo)) {
    const img = el("img", "photo");
    img.src = photo;
    img.alt = "photo";
    img.referrerPolicy = "no-referrer";
    return img;
  }
  return el("div", "photo placeholder", "🖼 photo (uploaded or by file id)");
}

function previewNode(preview) {
  let host = preview.url;
  try {
    host = new URL(preview.url).host;
  } catch {}
  const card = el("a", `preview${preview.large ? " large" : ""}`, el("div", "preview-site", host));
  card.href = preview.url;
  card.target = "_blank";
  card.rel = "noopener noreferrer";
  if (isImageUrl(preview.url)) {
    const img = el("img", "preview-image");
    img.src = preview.url;
    img.alt = "link preview";
    img.referrerPolicy = "no-referrer";
    card.append(img);
  } else {
    card.append(el("div", "preview-url", preview.url));
  }
  return card;
}

function refusalNode(message) {
  const r = message.refusal;
  const code = r.code ? el("span", "code-badge", String(r.code)) : undefined;
  const what = el("div", "refusal-text", code, ` Telegram refused ${r.method}: ${r.description}`);
  const next =
    r.code === 429
      ? `The bot waits ${r.retryAfter ?? "the"} s and tries again (auto-retry).`
      : r.code === 403
        ? "The bot cannot post here; the publisher pauses and tells the editors."
        : r.code === 400 && /parse entities/.test(r.description)
          ? "A post falls back to plain text rather than being dropped."
          : "";
  return el(
    "div",
    `refusal${r.code ? ` refusal-${r.code}` : ""}`,
    what,
    next ? el("div", "refusal-next", next) : undefined,
  );
}

function time(date) {
  return new Date(date * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** One bubble: text or photo with caption, link preview, buttons, "edited", or a refusal. */
export function renderMessage(message, hooks = {}) {
  if (message.kind === "refusal") {
    const node = refusalNode(message);
    node.dataset.key = message.key;
    return node;
  }
  const bubble = el("div", `bubble from-${message.from}${message.deleted ? " deleted" : ""}`);
  bubble.dataset.key = message.key;
  if (message.deleted) {
    bubble.append(el("div", "text muted", "🗑 message deleted"));
    return bubble;
  }
  if (message.via) bubble.append(el("div", "via", `via @${message.via}`));
  if (message.kind === "photo" && message.photo) bubble.append(photoNode(message.photo));
  const text = el("div", "text");
  text.append(renderText(message.text, message.entities, hooks));
  if (message.preview?.aboveText) bubble.append(previewNode(message.preview));
  if (message.text) bubble.append(text);
  if (message.preview && !message.preview.aboveText) bubble.append(previewNode(message.preview));
  bubble.append(
    el(
      "div",
      "meta",
      message.edited ? el("span", "edited", "edited") : undefined,
      time(message.date),
    ),
  );
  if (Array.isArray(message.buttons) && message.buttons.length > 0) {
    const keyboard = el("div", "keyboard");
    for (const row of message.buttons) {
      const line = el("div", "keyboard-row");
      for (const button of row) {
        const b = el("button", "inline-button", button.text);
        b.type = "button";
        if (button.url) b.append(el("span", "arrow", " ↗"));
        b.addEventListener("click", () => hooks.onButton?.(message, button));
        line.append(b);
      }
      keyboard.append(line);
    }
    const wrap = el("div", "bubble-wrap", bubble, keyboard);
    wrap.dataset.key = message.key;
    return wrap;
  }
  return bubble;
}
