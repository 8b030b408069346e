import { toggleMenu } from "./command-menu.js";
import { createInlineMode } from "./inline-mode.js";
import { renderMessage } from "./render.js";
import { $, call, emptyNote, toast } from "./support.js";

const state = {
  data: null,
  role: "editor",
  language: "en",
  early: [],
};

const inline = createInlineMode({
  who: () => person().key,
  botUsername: () => state.data.bot.username,
});

const person = () =>
  state.data.people.find((p) => p.role === state.role && p.language === state.language);

function hooks() {
  return {
    onCommand: (command) => send(command),
    onLink: (href, event) => {
      const url = new URL(href);
      if (url.host !== "t.me") return;
      const path = url.pathname.slice(1);
      if (path === state.data.bot.username) {
        event.preventDefault();
        const payload = url.searchParams.get("start");
        send(payload ? `/start ${payload}` : "/start");
      } else if (path.startsWith(state.data.channel.username)) {
        event.preventDefault();
        $("channel-feed").scrollTo({ top: 0, behavior: "smooth" });
      }
    },
    onButton: (message, button) => press(message, button),
  };
}

function place(feedId, message) {
  const feed = $(feedId);
  const atBottom = feed.scrollHeight - feed.scrollTop - feed.clientHeight < 80;
  const node = renderMessage(message, hooks());
  const existing = feed.querySelector(`:scope > [data-key="${CSS.escape(message.key)}"]`);
  if (existing) existing.replaceWith(node);
  else feed.append(node);
  if (atBottom || !existing) {
    feed.scrollTop = feed.scrollHeight;
    // Pictures arrive after the bubble: keep the newest message in view once they load.
    for (const img of node.querySelectorAll("img"))
      img.addEventListener("load", () => (feed.scrollTop = feed.scrollHeight), { once: true });
  }
}

function renderChannel() {
  const feed = $("channel-feed");
  feed.replaceChildren();
  const posts = state.data.chats.channel ?? [];
  if (posts.length === 0)
    feed.append(
      emptyNote("No posts yet. As an editor, /add a story and press “Post now”, or /postnow."),
    );
  for (const message of posts) place("channel-feed", message);
}

function renderChat() {
  const me = person();
  const feed = $("chat-feed");
  feed.replaceChildren();
  const messages = state.data.chats[me.chat] ?? [];
  if (messages.length === 0)
    feed.append(
      emptyNote(
        me.role === "editor" ? "Try /help, /queue or /add" : "Try /latest, /search or /help",
      ),
    );
  for (const message of messages) place("chat-feed", message);
  $("person-sub").textContent = `private chat · you are ${me.name}`;
  for (const b of document.querySelectorAll("[data-role]"))
    b.classList.toggle("active", b.dataset.role === state.role);
  for (const b of document.querySelectorAll("[data-language]"))
    b.classList.toggle("active", b.dataset.language === state.language);
  $("inline-results").hidden = true;
  $("command-menu").hidden = true;
}

function renderAll() {
  const d = state.data;
  $("channel-title").textContent = d.channel.title;
  $("channel-sub").textContent = `@${d.channel.username} · channel, as subscribers see it`;
  $("channel-removed").checked = d.channel.removed;
  $("bot-title").textContent = d.bot.name;
  $("message").placeholder = `Message · /help · @${d.bot.username} words`;
  $("sample-offer").hidden = !d.sample.offered;
  $("sample-feed-command").textContent = `/addfeed ${d.sample.feedUrl}`;
  renderChannel();
  renderChat();
}

async function load() {
  state.data = await call("/api/state");
  renderAll();
}

async function send(text) {
  const me = person();
  if (!text.trim()) return;
  try {
    await call("/api/send", { person: me.key, text });
  } catch (error) {
    toast(error.message, true);
  }
}

async function press(message, button) {
  if (button.url) return void window.open(button.url, "_blank", "noopener");
  if (button.switch_inline_query_current_chat !== undefined) {
    $("message").value = `@${state.data.bot.username} ${button.switch_inline_query_current_chat}`;
    return void inline.onInput();
  }
  if (button.callback_data === undefined) return toast("This button does nothing in the sandbox");
  try {
    await call("/api/press", {
      person: person().key,
      messageId: message.messageId,
      data: button.callback_data,
    });
  } catch (error) {
    toast(error.message, true);
  }
}

/** "typing…" under the bot's name, as Telegram shows a chat action for about five seconds. */
function showTyping() {
  const sub = $("person-sub");
  sub.textContent = "typing…";
  sub.classList.add("typing");
  clearTimeout(showTyping.timer);
  showTyping.timer = setTimeout(stopTyping, 5000);
}

function stopTyping() {
  clearTimeout(showTyping.timer);
  const sub = $("person-sub");
  sub.classList.remove("typing");
  sub.textContent = `private chat · you are ${person().name}`;
}

function listen() {
  const events = new EventSource("/api/events");
  let dropped = false;
  events.onerror = () => {
    dropped = true;
  };
  // After a dropped connection, reload everything: events sent meanwhile were lost.
  events.onopen = () => {
    if (dropped && state.data) load();
    dropped = false;
  };
  events.onmessage = (e) => {
    const event = JSON.parse(e.data);
    if (!state.data) return void state.early.push(event);
    apply(event);
  };
}

function apply(event) {
  if (event.type === "message") {
    const m = event.message;
    state.data.chats[m.chat] ??= [];
    const list = state.data.chats[m.chat];
    const i = list.findIndex((x) => x.key === m.key);
    if (i >= 0) list[i] = m;
    else list.push(m);
    if (m.chat === "channel") {
      $("channel-feed").querySelector(".empty")?.remove();
      place("channel-feed", m);
    } else if (m.chat === person().chat) {
      if (m.from === "bot") stopTyping();
      $("chat-feed").querySelector(".empty")?.remove();
      place("chat-feed", m);
    }
  } else if (event.type === "toast" && event.chat === person().chat) {
    toast(event.text, event.alert);
  } else if (event.type === "typing" && event.chat === person().chat) {
    showTyping();
  } else if (event.type === "channel") {
    state.data.channel.removed = event.removed;
    $("channel-removed").checked = event.removed;
  }
}

function wire() {
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("message").value;
    if (inline.queryOf(text) !== undefined) return;
    $("message").value = "";
    send(text);
  });
  $("message").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  $("message").addEventListener("input", inline.onInput);
  $("menu-button").addEventListener("click", () => toggleMenu(person().key));
  for (const b of document.querySelectorAll("[data-role]"))
    b.addEventListener("click", () => {
      state.role = b.dataset.role;
      renderChat();
    });
  for (const b of document.querySelectorAll("[data-language]"))
    b.addEventListener("click", () => {
      state.language = b.dataset.language;
      renderChat();
    });
  $("channel-removed").addEventListener("change", async (event) => {
    await call("/api/channel", { removed: event.target.checked });
    toast(
      event.target.checked
        ? "The bot is no longer an admin of the channel: posts get 403"
        : "The bot is back in the channel",
    );
  });
  $("sample-load").addEventListener("click", async () => {
    const r = await call("/api/sample", { load: true });
    $("sample-offer").hidden = true;
    toast(`Sample newsroom loaded: ${r.stored} articles, ${r.queued} queued`);
  });
  $("sample-skip").addEventListener("click", async () => {
    await call("/api/sample", { load: false });
    $("sample-offer").hidden = true;
  });
  $("feed-story").addEventListener("click", async () => {
    try {
      const r = await call("/api/sample-feed/story", {});
      toast(`The sample feed published “${r.title}”; poll feeds to see it queued`);
    } catch (error) {
      toast(error.message, true);
    }
  });
  $("poll-feeds").addEventListener("click", async () => {
    const { results } = await call("/api/feeds/poll", {});
    const created = results.reduce((n, r) => n + (r.created ?? 0), 0);
    toast(
      results.length === 0
        ? "No feeds yet: /addfeed one"
        : `Polled ${results.length} feed(s): ${created} new article(s)`,
    );
  });
  for (const kind of ["429", "400"])
    $(`trouble-${kind}`).addEventListener("click", async () => {
      await call("/api/trouble", { kind });
      toast(`Telegram will answer the bot's next send with ${kind}`);
    });
}

wire();
listen();
await load();
for (const event of state.early.splice(0)) apply(event);
