import { describe, expect, it } from "vitest";
import type { BotHarness } from "../../support/bot-harness.js";
import { callbackQuery, EDITOR, privateMessage } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { startEditorHarness } from "./editor-harness.js";

const start = closedAfterEach(startEditorHarness);
const BERLIN = { TIMEZONE: "Europe/Berlin" };
const BODY = "The harbour festival moves to the night of the clock change this year.";

/** The next last Sunday of `month` (1-12) that is still ahead: EU clocks change that night. */
function nextLastSunday(month: number): { day: number; month: number; year: number } {
  const now = new Date();
  for (let year = now.getUTCFullYear(); ; year++) {
    const last = new Date(Date.UTC(year, month, 0));
    const day = last.getUTCDate() - last.getUTCDay();
    if (Date.UTC(year, month - 1, day) > now.getTime() + 24 * 3600_000) return { day, month, year };
  }
}
const typed = (d: { day: number; month: number; year: number }, time: string) =>
  `${String(d.day).padStart(2, "0")}.${String(d.month).padStart(2, "0")}.${d.year} ${time}`;

const last = (h: BotHarness) => h.fake.messages(EDITOR.id).at(-1)!;
const say = (h: BotHarness, text: string) => h.send(privateMessage(text, { from: EDITOR }));
const buttons = (h: BotHarness) =>
  (
    (last(h).replyMarkup as { inline_keyboard?: { text: string; callback_data: string }[][] })
      ?.inline_keyboard ?? []
  ).flat();
const press = (h: BotHarness, data: string) =>
  h.send(
    callbackQuery(data, {
      from: EDITOR,
      message: { chatId: EDITOR.id, messageId: last(h).messageId },
    }),
  );
const notBefore = (h: BotHarness) =>
  h.db.prepare("SELECT not_before FROM publish_queue").pluck().get() as number;

async function toWhenStep(h: BotHarness) {
  for (const text of ["/new", "Festival at night", BODY, "/skip"]) await say(h, text);
}

describe("/new around a daylight-saving change", () => {
  it("refuses a time the clocks skip, offering the nearest real times as buttons", async () => {
    const h = await start({ env: BERLIN });
    await toWhenStep(h);
    const spring = nextLastSunday(3);
    await say(h, typed(spring, "02:30"));
    expect(last(h).text).toMatch(
      /^\d\d\.03\.\d{4} 02:30 does not exist: the clocks jump forward an hour that night\. The nearest real times are \d{1,2} Mar \d{4}, 01:59 GMT\+1 and \d{1,2} Mar \d{4}, 03:00 GMT\+2/,
    );
    const offered = buttons(h);
    expect(offered.map((b) => b.text)).toEqual([
      expect.stringMatching(/01:59 GMT\+1$/),
      expect.stringMatching(/03:00 GMT\+2$/),
    ]);
    expect(h.deps.articles.count()).toBe(0);

    await press(h, offered[1]!.callback_data);
    expect(last(h).text).toMatch(
      /^Preview\. It will be posted not before \d{1,2} Mar \d{4}, 03:00 GMT\+2:/,
    );
    await press(h, "e:nc");
    expect(notBefore(h)).toBe(Date.UTC(spring.year, 2, spring.day, 1, 0));
  });

  it("asks which of the two readings of a repeated hour is meant, each with its offset", async () => {
    const h = await start({ env: BERLIN });
    await toWhenStep(h);
    const autumn = nextLastSunday(10);
    await say(h, typed(autumn, "02:30"));
    expect(last(h).text).toMatch(
      /happens twice that night \(the clocks go back an hour\)\. Which one/,
    );
    const offered = buttons(h);
    expect(offered.map((b) => b.text)).toEqual(["02:30 GMT+2", "02:30 GMT+1"]);
    await press(h, offered[1]!.callback_data);
    await press(h, "e:nc");
    expect(notBefore(h)).toBe(Date.UTC(autumn.year, 9, autumn.day, 1, 30));
  });

  it("asks in Russian for a Russian-speaking editor", async () => {
    const h = await start({ env: BERLIN });
    const ru = { ...EDITOR, language_code: "ru" };
    for (const text of ["/new", "Праздник ночью", BODY, "/skip"])
      await h.send(privateMessage(text, { from: ru }));
    await h.send(privateMessage(typed(nextLastSunday(10), "02:30"), { from: ru }));
    expect(last(h).text).toMatch(/бывает этой ночью дважды \(часы переводят на час назад\)/);
  });
});
