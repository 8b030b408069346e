import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { MAKE_PUBLIC_DATA } from "../keyboards/callback-data.js";

/**
 * "Make public now" (under an editor's `/start a<ID>` of a private article): an editor releases
 * a story readers may not see yet, e.g. one removed from the queue that should stay in the
 * archive. Whether it is still queued does not change.
 */
export function createAdminVisibilityFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.filter(isAdminOf(desk.adminIds)).callbackQuery(MAKE_PUBLIC_DATA, async (ctx) => {
    const d = deskFor(ctx.locale);
    const id = Number(ctx.match[1]);
    if (!desk.articles.findById(id)) {
      await ctx.answerCallbackQuery({ text: d.noSuchArticle(id) });
      return;
    }
    desk.articles.makePublic(id);
    await ctx.answerCallbackQuery({ text: d.articlePublicNow(id) });
    await ctx.editMessageText(d.articlePublic(id));
  });
  return feature;
}
