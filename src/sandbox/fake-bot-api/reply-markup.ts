import { badRequest } from "./api-error.js";

const ACTIONS = [
  "url",
  "callback_data",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "web_app",
  "login_url",
  "callback_game",
  "pay",
  "copy_text",
] as const;

const MAX_BUTTONS = 100;

const buttonError = (reason: string) => badRequest(`can't parse inline keyboard button: ${reason}`);

/** Telegram accepts http(s) and tg: links in url buttons (BUTTON_URL_INVALID otherwise). */
function isButtonUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  try {
    const parsed = new URL(url);
    return ["http:", "https:", "tg:"].includes(parsed.protocol) && url.length <= 2048;
  } catch {
    return false;
  }
}

function checkInlineButton(button: unknown): void {
  if (typeof button !== "object" || button === null || Array.isArray(button)) {
    throw buttonError("InlineKeyboardButton must be an Object");
  }
  const b = button as Record<string, unknown>;
  if (typeof b.text !== "string") throw buttonError('Can\'t find field "text"');
  if (b.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
  const actions = ACTIONS.filter((a) => b[a] !== undefined && b[a] !== null);
  if (actions.length === 0) throw buttonError("Text buttons are unallowed in the inline keyboard");
  if (actions.length > 1) {
    throw buttonError(`a button needs exactly one action field, found ${actions.join(", ")}`);
  }
  if (b.url !== undefined && !isButtonUrl(b.url)) throw badRequest("BUTTON_URL_INVALID");
  if (b.callback_data !== undefined) {
    const bytes = typeof b.callback_data === "string" ? Buffer.byteLength(b.callback_data) : 0;
    if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
  }
}

/**
 * Checks `reply_markup` as Telegram does for inline keyboards (callback_data 1–64 UTF-8 bytes,
 * one action per button, http(s)/tg url buttons, at most 100 buttons). Reply keyboards,
 * keyboard removal and force_reply are accepted with a shape check only.
 */
export function checkReplyMarkup(markup: unknown, options: { inlineOnly?: boolean } = {}): void {
  if (markup === undefined || markup === null) return;
  if (typeof markup !== "object" || Array.isArray(markup)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  const m = markup as Record<string, unknown>;
  if (m.inline_keyboard !== undefined) {
    const rows = m.inline_keyboard;
    if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) {
      throw badRequest(
        'can\'t parse inline keyboard: field "inline_keyboard" must be an Array of Arrays',
      );
    }
    const buttons = (rows as unknown[][]).flat();
    if (buttons.length > MAX_BUTTONS) throw badRequest("BUTTONS_TOO_MUCH");
    for (const button of buttons) checkInlineButton(button);
    return;
  }
  if (options.inlineOnly) throw badRequest("inline keyboard expected");
  if (m.keyboard !== undefined) {
    if (!Array.isArray(m.keyboard) || m.keyboard.some((r) => !Array.isArray(r))) {
      throw badRequest('can\'t parse keyboard: field "keyboard" must be an Array of Arrays');
    }
    return;
  }
  if (m.remove_keyboard === true || m.force_reply === true) return;
  throw badRequest("can't parse reply keyboard markup JSON object");
}
