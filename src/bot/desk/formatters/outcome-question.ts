import type { EditorChoice } from "../../../db/delivery-repository.js";
import type { OutcomeQuestion } from "../../../publishing/channel-gateway.js";
import type { DeskMessages } from "../../i18n/index.js";
import { escapeHtml } from "./desk-text.js";

/** The one message each editor gets when the bot cannot know whether a post went out. */
export function outcomeQuestionHtml(d: DeskMessages, q: OutcomeQuestion): string {
  return d.outcomeQuestionHtml(escapeHtml(q.title), q.itemId, escapeHtml(q.reason));
}

/** The question once answered (the buttons are removed), naming who chose what. */
export function outcomeAnsweredHtml(
  d: DeskMessages,
  q: { itemId: number; title: string },
  choice: EditorChoice,
  result: string,
): string {
  const what = choice === "in-channel" ? d.inChannelButton : d.sendAgainButton;
  return `«${escapeHtml(q.title)}» (${escapeHtml(d.itemLabel(q.itemId))}): ${escapeHtml(what)}. ${escapeHtml(result)}`;
}
