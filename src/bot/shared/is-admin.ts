import type { Context } from "grammy";

/** A filter predicate: true when the update comes from one of the editors in ADMIN_IDS. */
export function isAdminOf(adminIds: readonly number[]): (ctx: Context) => boolean {
  const admins = new Set(adminIds);
  return (ctx) => ctx.from !== undefined && !ctx.from.is_bot && admins.has(ctx.from.id);
}
