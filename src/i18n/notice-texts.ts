import type { Locale } from "./locale.js";

/**
 * Private notices the publisher sends editors, in each editor's language (Telegram HTML; the
 * caller escapes every argument). Kept apart from the bot's catalogue because the publishing
 * layer sends them and knows nothing of grammY.
 */
export interface NoticeTexts {
  channelRefusedHtml(channel: string, reason: string): string;
  interruptedPostHtml(title: string): string;
}

export const NOTICE_TEXTS: Readonly<Record<Locale, NoticeTexts>> = {
  en: {
    channelRefusedHtml: (channel, reason) =>
      `⚠️ <b>Publishing is paused.</b> Telegram refused posts to ${channel}: ${reason}\n\n` +
      "Make the bot an administrator of the channel with the right to post, then send /resume.",
    interruptedPostHtml: (title) =>
      `⚠️ The bot stopped while posting «${title}». It will be posted again; ` +
      "if the channel now shows it twice, delete one of them.",
  },
  ru: {
    channelRefusedHtml: (channel, reason) =>
      `⚠️ <b>Публикации на паузе.</b> Telegram не принял посты в ${channel}: ${reason}\n\n` +
      "Сделайте бота администратором канала с правом публикации и отправьте /resume.",
    interruptedPostHtml: (title) =>
      `⚠️ Бот остановился во время публикации «${title}». Пост будет отправлен снова; ` +
      "если в канале он окажется дважды, удалите один.",
  },
};
