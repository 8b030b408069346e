import type { Services } from "../services.js";
import { type FakeBotApi, parseTelegramHtml, TEST_BOT_INFO, TEST_CHANNEL } from "./fake-bot-api.js";
import type { Person } from "./people.js";
import type { SampleFeed } from "./sample-feed.js";
import { storyImage, storyPage } from "./sample-feed.js";
import { loadSampleNewsroom } from "./sample-newsroom.js";
import type { Transcript } from "./transcript.js";
import type { UpdateFactory } from "./user-updates.js";
import type { ApiAnswer, ApiRequest } from "./web-server.js";

export interface SandboxApiDeps {
  readonly fake: FakeBotApi;
  readonly services: Services;
  readonly people: readonly Person[];
  readonly transcript: Transcript;
  readonly updates: UpdateFactory;
  readonly sampleFeed: SampleFeed;
}

const ok = (json: unknown = { ok: true }): ApiAnswer => ({ status: 200, json });
const bad = (error: string, status = 400): ApiAnswer => ({ status, json: { error } });
const INLINE_WAIT_MS = 10_000;
const chatOf = (person: Person) => `u${person.user.id}`;
/** What a person does in their chat; these name the person. */
const PERSON_ROUTES = new Set([
  "GET /api/commands",
  "POST /api/send",
  "POST /api/press",
  "POST /api/inline",
  "POST /api/share",
]);

/**
 * The web view's JSON API. Every action becomes what Telegram would deliver to the bot
 * (a message, a button press, an inline query) through the emulator's update queue; nothing
 * here calls the bot's handlers directly.
 */
export function createSandboxApi(deps: SandboxApiDeps) {
  const { fake, services, people, transcript, updates, sampleFeed } = deps;
  let channelRemoved = false;
  let sampleDeclined = false;
  /** The last inline results each person was shown, to share one of them. */
  const lastInline = new Map<string, unknown[]>();

  const personOf = (key: unknown) => people.find((p) => p.key === key);

  function commandsFor(person: Person) {
    const scopes = [
      { type: "chat", chat_id: person.user.id },
      { type: "all_private_chats" },
      undefined,
    ];
    for (const scope of scopes) {
      for (const lang of [person.language, ""]) {
        const list = fake.commands(scope, lang);
        if (list.length > 0) return list;
      }
    }
    return [];
  }

  function state() {
    const chats: Record<string, unknown> = { channel: transcript.chat("channel") };
    for (const p of people) chats[chatOf(p)] = transcript.chat(chatOf(p));
    return {
      bot: { username: TEST_BOT_INFO.username, name: TEST_BOT_INFO.first_name },
      channel: {
        title: TEST_CHANNEL.title,
        username: TEST_CHANNEL.username,
        removed: channelRemoved,
      },
      people: people.map((p) => ({
        key: p.key,
        role: p.role,
        language: p.language,
        name: p.user.first_name,
        chat: chatOf(p),
      })),
      sample: {
        offered: !sampleDeclined && services.articles.count() === 0,
        feedUrl: sampleFeed.url,
        remaining: sampleFeed.remaining,
      },
      publishing: services.publishing !== undefined,
      chats,
    };
  }

  async function inline(person: Person, query: string, offset: string): Promise<ApiAnswer> {
    const update = updates.inlineQuery(person.user, query, offset);
    transcript.noteQuery(update.inline_query.id, chatOf(person));
    const answer = transcript.inlineAnswer(update.inline_query.id, INLINE_WAIT_MS);
    fake.pushUpdate(update);
    const got = await answer;
    if (!got) return bad("the bot did not answer the inline query within 10 s", 504);
    lastInline.set(person.key, got.results);
    return ok(got);
  }

  function share(person: Person, resultId: unknown): ApiAnswer {
    const result = (lastInline.get(person.key) ?? []).find(
      (r) => (r as { id?: unknown }).id === resultId,
    ) as { input_message_content?: Record<string, unknown> } | undefined;
    const content = result?.input_message_content;
    if (!content || typeof content.message_text !== "string")
      return bad("that result is no longer offered; type the query again");
    const html = content.parse_mode === "HTML";
    const parsed = html
      ? parseTelegramHtml(content.message_text)
      : { text: content.message_text, entities: [] };
    transcript.addUserMessage(chatOf(person), parsed.text, parsed.entities, TEST_BOT_INFO.username);
    return ok();
  }

  return {
    state,

    async handle(req: ApiRequest): Promise<ApiAnswer | undefined> {
      const b = req.body;
      const route = `${req.method} ${req.path}`;
      if (route === "GET /api/state") return ok(state());
      if (route === "GET /sample/feed.xml")
        return { status: 200, text: sampleFeed.xml(), type: "application/rss+xml; charset=utf-8" };
      const image = /^GET \/sample\/images\/([a-z]+)\.svg$/.exec(route);
      if (image) {
        const svg = storyImage(image[1]!);
        return svg ? { status: 200, text: svg, type: "image/svg+xml" } : undefined;
      }
      const page = /^GET \/sample\/stories\/([a-z]+)$/.exec(route);
      if (page) {
        const html = storyPage(page[1]!);
        return html ? { status: 200, text: html, type: "text/html; charset=utf-8" } : undefined;
      }
      if (route === "POST /api/sample") {
        if (b.load !== true) {
          sampleDeclined = true;
          return ok({ stored: 0, queued: 0 });
        }
        return ok(loadSampleNewsroom(services));
      }
      if (route === "POST /api/sample-feed/story") {
        const title = sampleFeed.addStory();
        return title ? ok({ title }) : bad("the sample feed has published all its stories");
      }
      if (route === "POST /api/feeds/poll") return ok({ results: await services.feeds.pollAll() });
      if (route === "POST /api/channel") {
        channelRemoved = b.removed === true;
        fake.setChat(`@${TEST_CHANNEL.username}`, {
          type: "channel",
          ...TEST_CHANNEL,
          botIsMember: !channelRemoved,
        });
        transcript.emitChannelState(channelRemoved);
        return ok({ removed: channelRemoved });
      }
      if (route === "POST /api/trouble") {
        const method = b.method === "sendPhoto" ? "sendPhoto" : "sendMessage";
        // Only the channel's next post is refused: the editor's "Posting…" reply goes through.
        const channel = `@${TEST_CHANNEL.username}`;
        if (b.kind === "429")
          fake.failNext(
            method,
            {
              errorCode: 429,
              description: "Too Many Requests: retry after 3",
              retryAfter: 3,
            },
            1,
            channel,
          );
        else if (b.kind === "400")
          fake.failNext(
            method,
            {
              errorCode: 400,
              description:
                'Bad Request: can\'t parse entities: Unsupported start tag "font" at byte offset 0',
            },
            1,
            channel,
          );
        else return bad("kind must be 429 or 400");
        return ok();
      }

      if (!PERSON_ROUTES.has(route)) return undefined;
      const person = personOf(b.person ?? req.query.get("person"));
      if (!person) return bad("choose who you are: person is unknown");
      if (route === "GET /api/commands") return ok({ commands: commandsFor(person) });
      if (route === "POST /api/send") {
        const text = typeof b.text === "string" ? b.text.trim() : "";
        if (!text) return bad("type something first");
        if (text.length > 4096) return bad("Telegram allows at most 4096 characters in a message");
        const update = updates.message(person.user, text);
        transcript.addUserMessage(chatOf(person), text, update.message.entities ?? []);
        fake.pushUpdate(update);
        return ok();
      }
      if (route === "POST /api/press") {
        const message = transcript.messageForButton(person.user.id, Number(b.messageId));
        if (!message || typeof b.data !== "string") return bad("that message is gone");
        const update = updates.callbackQuery(person.user, message, b.data);
        transcript.noteQuery(update.callback_query!.id, chatOf(person));
        fake.pushUpdate(update);
        return ok();
      }
      if (route === "POST /api/inline")
        return inline(person, String(b.query ?? ""), String(b.offset ?? ""));
      if (route === "POST /api/share") return share(person, b.resultId);
      return undefined;
    },
  };
}
