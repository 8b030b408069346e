import { Composer } from "grammy";
import { MAX_OPML_BYTES, OpmlError, readOpml } from "../../../feeds/opml.js";
import { importOpmlEntries } from "../../../feeds/opml-import.js";
import type { BotContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { downloadChatFile, FileDownloadError } from "../download-file.js";
import { opmlReportHtml } from "../formatters/feeds.js";

/** Whether a sent document looks like an OPML list (by name or type). */
export function looksLikeOpml(document: { file_name?: string; mime_type?: string }): boolean {
  const name = document.file_name?.toLowerCase() ?? "";
  return name.endsWith(".opml") || document.mime_type === "text/x-opml";
}

/**
 * An editor sends an .opml file: each listed feed is added with the usual checks, and one reply
 * lists what was added, what was already there, and what was refused and why.
 */
export function createAdminOpmlFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const feeds = desk.feeds;
  if (!feeds || !desk.fileRoot) return feature;
  const fileRoot = desk.fileRoot;
  const editor = feature.chatType("private").filter(isAdminOf(desk.adminIds));

  editor.on("message:document", async (ctx, next) => {
    const document = ctx.msg.document;
    if (!looksLikeOpml(document)) return next();
    const d = deskFor(ctx.locale);
    if ((document.file_size ?? 0) > MAX_OPML_BYTES) {
      await ctx.reply(d.opmlRefused("too-large"));
      return;
    }
    let entries: ReturnType<typeof readOpml>;
    try {
      const bytes = await downloadChatFile(ctx.api, fileRoot, document.file_id, MAX_OPML_BYTES);
      entries = readOpml(bytes);
    } catch (error) {
      if (error instanceof OpmlError) {
        await ctx.reply(d.opmlRefused(error.problem));
        return;
      }
      if (error instanceof FileDownloadError) {
        await ctx.reply(d.opmlRefused(error.tooLarge ? "too-large" : "download-failed"));
        return;
      }
      throw error;
    }
    await ctx.reply(d.opmlReading);
    // Each feed is fetched once as it is added: that can take minutes, so it goes on in the
    // background and the chat stays free; the report follows when the last feed is done.
    const chatId = ctx.chat.id;
    desk.background.run("opml import", async () => {
      const outcomes = await importOpmlEntries(feeds, entries);
      await desk.api.sendMessage(chatId, opmlReportHtml(d, outcomes), {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      });
    });
  });

  return feature;
}
