import type { Article, ArticleInput } from "../../../src/articles/article.js";
import type { StoredEntity, StoredMessage } from "../../../src/sandbox/fake-bot-api.js";
import type { BotHarness } from "../../support/bot-harness.js";

/** 9:58 on 23 February 2023 in Moscow (the harness's TIMEZONE), 6:58 UTC. */
export const SEED_TIME = Date.UTC(2023, 1, 23, 6, 58);
const MINUTE = 60_000;

let serial = 0;

/** Stores one article through the archive; headline and text default to something unique. */
export function addArticle(harness: BotHarness, input: Partial<ArticleInput> = {}): Article {
  serial++;
  const result = harness.deps.articles.store({
    title: input.title ?? `Headline number ${serial}`,
    body:
      input.body ??
      `Story ${serial} begins with a clear first sentence about the council. It goes on with detail. It ends here.`,
    url: input.url === undefined ? `https://news.example/story-${serial}` : input.url,
    publishedAt: input.publishedAt ?? SEED_TIME + serial * MINUTE,
    ...(input.source ? { source: input.source } : {}),
    ...(input.imageUrl ? { imageUrl: input.imageUrl } : {}),
  });
  return result.article;
}

/** `count` articles a minute apart, oldest first; returns them newest first, as /latest lists them. */
export function addArticles(harness: BotHarness, count: number, start = SEED_TIME): Article[] {
  const made: Article[] = [];
  for (let i = 0; i < count; i++) {
    made.push(
      addArticle(harness, {
        title: `Story ${i + 1} of ${count}`,
        body: `Lead sentence of story ${i + 1} says what happened in the town. More detail follows here.`,
        publishedAt: start + i * MINUTE,
      }),
    );
  }
  return made.reverse();
}

/** The last message the bot sent (or edited) in a chat. */
export function lastMessage(harness: BotHarness, chatId: number): StoredMessage {
  const messages = harness.fake.messages(chatId);
  const last = messages.at(-1);
  if (!last) throw new Error(`the bot sent nothing to chat ${chatId}`);
  return last;
}

/** The visible text an entity covers. */
export function entityText(message: StoredMessage, entity: StoredEntity): string {
  return message.text.slice(entity.offset, entity.offset + entity.length);
}

/** Texts of all entities of one type, e.g. every bold run. */
export function textsOf(message: StoredMessage, type: string): string[] {
  return message.entities.filter((e) => e.type === type).map((e) => entityText(message, e));
}

/** Link labels and their addresses. */
export function linksOf(message: StoredMessage): Array<{ text: string; url: string | undefined }> {
  return message.entities
    .filter((e) => e.type === "text_link")
    .map((e) => ({ text: entityText(message, e), url: e.url }));
}

/** The callback_data of each inline button under a message, row by row flattened. */
export function buttonsOf(message: StoredMessage): Array<{ text: string; data: string }> {
  const markup = message.replyMarkup as
    | { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> }
    | undefined;
  return (markup?.inline_keyboard ?? [])
    .flat()
    .map((b) => ({ text: b.text, data: b.callback_data ?? "" }));
}

/** The button labelled (in part) `label`, to press it. */
export function button(message: StoredMessage, label: string): { text: string; data: string } {
  const found = buttonsOf(message).find((b) => b.text.includes(label));
  if (!found) throw new Error(`no button "${label}" under the message`);
  return found;
}

/** What the bot answered to callback queries, in order (the toast texts, "" for none). */
export function callbackAnswers(harness: BotHarness): string[] {
  return harness.fake.callsTo("answerCallbackQuery").map((c) => String(c.payload.text ?? ""));
}
