import type { EditorChoice } from "../../db/delivery-repository.js";
import type { OutcomeQuestion } from "../../publishing/channel-gateway.js";
import { escapeHtml } from "./admin-text.js";

export const IN_CHANNEL_LABEL = "It is in the channel";
export const SEND_AGAIN_LABEL = "Send it again";

/** The one message each editor gets when the bot cannot know whether a post went out. */
export function outcomeQuestionHtml(q: OutcomeQuestion): string {
  return (
    `⚠️ <b>Is this post in the channel?</b>\n«${escapeHtml(q.title)}» (item #${q.itemId})\n\n` +
    `The bot cannot tell: ${escapeHtml(q.reason)}. It is held and will not be sent again ` +
    `until you choose. Look at the channel, then press one button.`
  );
}

/** The question once answered (the buttons are removed), naming who chose what. */
export function outcomeAnsweredHtml(
  q: { itemId: number; title: string },
  choice: EditorChoice,
  result: string,
): string {
  const what = choice === "in-channel" ? IN_CHANNEL_LABEL : SEND_AGAIN_LABEL;
  return `«${escapeHtml(q.title)}» (item #${q.itemId}): ${escapeHtml(what)}. ${escapeHtml(result)}`;
}
