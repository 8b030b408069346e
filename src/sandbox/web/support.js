// What every part of the page shares: the JSON API, the toast, and small DOM helpers.

export const $ = (id) => document.getElementById(id);

/** Calls the sandbox's JSON API; an error answer becomes an Error with its message. */
export async function call(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error ?? `HTTP ${response.status}`);
  return json;
}

/** A short notice over the page (an answered button press, a refusal of the page's own request). */
export function toast(text, alert = false) {
  const box = $("toast");
  box.textContent = text;
  box.className = `toast${alert ? " alert" : ""}`;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.hidden = true), alert ? 6000 : 3500);
}

/** A grey centred note, like Telegram's service messages. */
export function emptyNote(text) {
  const note = document.createElement("div");
  note.className = "empty";
  note.textContent = text;
  return note;
}
