import type { Logger } from "pino";
import type { Locale } from "../i18n/locale.js";
import { NOTICE_TEXTS, type NoticeTexts } from "../i18n/notice-texts.js";
import type { ChannelGateway, OutcomeQuestion } from "./channel-gateway.js";
import { escapeHtml } from "./telegram-html.js";

/**
 * Private messages to every editor (ADMIN_IDS) about publishing trouble, each in the editor's
 * language (`languageOf`: their /language choice or the language of their menu; English when
 * unknown).
 */
export function createEditorNotices(
  gateway: ChannelGateway,
  adminIds: readonly number[],
  logger: Logger,
  languageOf: (userId: number) => Locale = () => "en",
) {
  async function tellAll(html: (texts: NoticeTexts) => string): Promise<void> {
    await eachEditor((userId) =>
      gateway.sendPrivate(userId, html(NOTICE_TEXTS[languageOf(userId)])),
    );
  }

  async function eachEditor(send: (userId: number) => Promise<void>): Promise<void> {
    for (const userId of adminIds) {
      try {
        await send(userId);
      } catch (error) {
        // An editor who never opened a chat with the bot cannot be told; the others still are.
        logger.warn({ err: error, userId }, "could not notify an editor");
      }
    }
  }

  return {
    /** Telegram refused the channel: publishing is paused until an editor resumes it. */
    channelRefused: (channel: string, reason: string) =>
      tellAll((t) => t.channelRefusedHtml(escapeHtml(channel), escapeHtml(reason))),
    /** Whether the channel has a post is unknown: every editor gets the question and buttons. */
    askOutcome: (question: OutcomeQuestion) =>
      eachEditor((userId) => gateway.askOutcome(userId, question, languageOf(userId))),
    /** A post was in flight when the bot stopped; it is sent again. */
    interruptedPost: (title: string) => tellAll((t) => t.interruptedPostHtml(escapeHtml(title))),
  };
}

export type EditorNotices = ReturnType<typeof createEditorNotices>;
