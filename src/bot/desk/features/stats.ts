import { Composer } from "grammy";
import { createStatsService } from "../../../stats/editor-stats.js";
import type { BotContext } from "../../context.js";
import { deskFor } from "../../i18n/index.js";
import { isAdminOf } from "../../shared/is-admin.js";
import type { EditorDesk } from "../desk.js";
import { deskCommand } from "../desk-commands.js";
import { statsHtml } from "../formatters/stats.js";

/** /stats for editors: archive, queue, posts, feeds' health, pause and the last delivery error. */
export function createAdminStatsFeature(desk: EditorDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const stats = createStatsService(desk);
  feature
    .chatType("private")
    .filter(isAdminOf(desk.adminIds))
    .command(deskCommand("stats"), (ctx) =>
      ctx.reply(
        statsHtml(deskFor(ctx.locale), stats.snapshot(), desk.timezone, desk.telegramStatus?.()),
        {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        },
      ),
    );
  return feature;
}
