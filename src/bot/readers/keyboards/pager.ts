import { InlineKeyboard } from "grammy";

export interface PagerButton {
  readonly label: string;
  readonly data: string;
}

/** One row of "previous" and "next" buttons; undefined when neither applies. */
export function pagerKeyboard(
  previous: PagerButton | undefined,
  next: PagerButton | undefined,
): InlineKeyboard | undefined {
  if (!previous && !next) return undefined;
  const keyboard = new InlineKeyboard();
  if (previous) keyboard.text(previous.label, previous.data);
  if (next) keyboard.text(next.label, next.data);
  return keyboard;
}
