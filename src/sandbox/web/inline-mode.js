// Inline mode: "@bot words" in the composer asks the bot, and a picked result is shared into the chat.
import { $, call, emptyNote, toast } from "./support.js";

/** Wires inline mode to the composer; `who()` is the current person's key, `botUsername()` the bot's. */
export function createInlineMode({ who, botUsername }) {
  const state = { timer: 0, seq: 0 };

  function inlineQueryOf(text) {
    const prefix = `@${botUsername()}`;
    if (!text.toLowerCase().startsWith(prefix.toLowerCase())) return undefined;
    const rest = text.slice(prefix.length);
    return rest === "" || rest.startsWith(" ") ? rest.trim() : undefined;
  }

  function inlineSoon() {
    clearTimeout(state.timer);
    const query = inlineQueryOf($("message").value);
    if (query === undefined) {
      $("inline-results").hidden = true;
      return;
    }
    state.timer = setTimeout(() => runInline(query, ""), 350);
  }

  async function runInline(query, offset) {
    const seq = ++state.seq;
    const box = $("inline-results");
    box.hidden = false;
    if (!offset) box.replaceChildren(emptyNote("Asking the bot…"));
    let answer;
    try {
      answer = await call("/api/inline", { person: who(), query, offset });
    } catch (error) {
      box.replaceChildren(emptyNote(error.message));
      return;
    }
    if (seq !== state.seq) return;
    if (!offset) box.replaceChildren();
    box.querySelector(".more")?.remove();
    if (answer.results.length === 0 && !offset) box.append(emptyNote("No results"));
    for (const result of answer.results) {
      const item = document.createElement("button");
      item.type = "button";
      item.className = "inline-result";
      const title = document.createElement("div");
      title.className = "result-title";
      title.textContent = result.title ?? result.id;
      const description = document.createElement("div");
      description.className = "result-description";
      description.textContent = result.description ?? "";
      item.append(title, description);
      item.addEventListener("click", () => share(result.id));
      box.append(item);
    }
    if (answer.nextOffset) {
      const more = document.createElement("button");
      more.type = "button";
      more.className = "more";
      more.textContent = "More results";
      more.addEventListener("click", () => runInline(query, answer.nextOffset));
      box.append(more);
    }
  }

  async function share(resultId) {
    try {
      await call("/api/share", { person: who(), resultId });
      $("message").value = "";
      $("inline-results").hidden = true;
    } catch (error) {
      toast(error.message, true);
    }
  }

  return { queryOf: inlineQueryOf, onInput: inlineSoon };
}
