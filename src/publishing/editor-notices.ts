import type { Logger } from "pino";
import type { ChannelGateway, OutcomeQuestion } from "./channel-gateway.js";
import { escapeHtml } from "./telegram-html.js";

/** Private messages to every editor (ADMIN_IDS) about publishing trouble. */
export function createEditorNotices(
  gateway: ChannelGateway,
  adminIds: readonly number[],
  logger: Logger,
) {
  async function tellAll(html: string): Promise<void> {
    await eachEditor((userId) => gateway.sendPrivate(userId, html));
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
      tellAll(
        `⚠️ <b>Publishing is paused.</b> Telegram refused posts to ${escapeHtml(channel)}: ${escapeHtml(reason)}\n\n` +
          "Make the bot an administrator of the channel with the right to post, then send /resume.",
      ),
    /** Whether the channel has a post is unknown: every editor gets the question and buttons. */
    askOutcome: (question: OutcomeQuestion) =>
      eachEditor((userId) => gateway.askOutcome(userId, question)),
    /** A post was in flight when the bot stopped; it is sent again. */
    interruptedPost: (title: string) =>
      tellAll(
        `⚠️ The bot stopped while posting «${escapeHtml(title)}». It will be posted again; ` +
          "if the channel now shows it twice, delete one of them.",
      ),
  };
}

export type EditorNotices = ReturnType<typeof createEditorNotices>;
