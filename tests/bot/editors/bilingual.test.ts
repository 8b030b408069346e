import { describe, expect, it } from "vitest";
import type { BotHarness } from "../../support/bot-harness.js";
import {
  callbackQuery,
  EDITOR,
  privateMessage,
  READER,
  RUSSIAN_READER,
} from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { articleText, CHANNEL, snapshot, startEditorHarness } from "./editor-harness.js";

const start = closedAfterEach(startEditorHarness);

/** The same editor (ADMIN_IDS) with Telegram set to Russian. */
const RUSSIAN_EDITOR = { ...EDITOR, language_code: "ru" };

const texts = (h: BotHarness, id = EDITOR.id) => h.fake.messages(id).map((m) => m.text);
const labels = (markup: unknown) =>
  ((markup as { inline_keyboard?: { text: string }[][] })?.inline_keyboard ?? [])
    .flat()
    .map((b) => b.text);
const pressUnderLast = (h: BotHarness, data: string, from = EDITOR) => {
  const under = h.fake.messages(from.id).at(-1)!;
  return h.send(
    callbackQuery(data, { from, message: { chatId: from.id, messageId: under.messageId } }),
  );
};

describe("the desk in Russian", () => {
  it("answers /add in one Russian message: status with the time and its offset, the post, Russian buttons", async () => {
    const h = await start();
    await h.send(privateMessage(`/add ${articleText("Мост открыт")}`, { from: RUSSIAN_EDITOR }));
    const [reply, ...more] = h.fake.messages(EDITOR.id);
    expect(more).toEqual([]);
    expect(reply!.text).toMatch(
      /^✅ Сохранено как статья 1 и поставлено в очередь: пост №1, место 1, по плану \d{1,2} [а-я]{3,4}\.? \d{4} г\., \d{2}:\d{2} GMT\+3\.\n\nМост открыт\n/,
    );
    expect(labels(reply!.replyMarkup)).toEqual(["Опубликовать", "Убрать", "В начало"]);
  });

  it("gives the reason a text was refused in Russian", async () => {
    const h = await start();
    await h.send(privateMessage("/add Заголовок\n\nмало", { from: RUSSIAN_EDITOR }));
    expect(texts(h)).toEqual([
      "❌ Не поставлено в очередь: текст слишком короткий: заголовок — в первой строке, ниже хотя бы одно предложение текста.",
    ]);
    expect(h.deps.articles.count()).toBe(0);
  });

  it("shows the queue, the stats and the feeds in Russian, with Russian plurals", async () => {
    const h = await start();
    for (const title of ["Первая", "Вторая", "Третья"]) {
      await h.send(privateMessage(`/add ${articleText(title)}`, { from: RUSSIAN_EDITOR }));
    }
    await h.send(privateMessage("/queue", { from: RUSSIAN_EDITOR }));
    const queue = h.fake.messages(EDITOR.id).at(-1)!;
    expect(queue.text).toContain("Очередь публикаций: ждут 3\n▶️ Публикации идут по расписанию.");
    expect(queue.text).toContain("#1 · в очереди · по плану");
    expect(queue.text).toContain("Время: Europe/Moscow.");
    expect(labels(queue.replyMarkup)).toContain("Выше");

    await h.send(privateMessage("/stats", { from: RUSSIAN_EDITOR }));
    expect(texts(h).at(-1)).toContain("Статей в архиве: 3\nВ очереди: 3");

    await h.send(privateMessage("/pause", { from: RUSSIAN_EDITOR }));
    expect(texts(h).at(-1)).toMatch(/^⏸ Публикации по расписанию на паузе/);
    await h.send(privateMessage("/pause", { from: RUSSIAN_EDITOR }));
    expect(texts(h).at(-1)).toMatch(
      /^Публикации уже на паузе с \d{1,2} [а-я]{3,4}\.? \d{4} г\., \d{2}:\d{2} GMT\+3\. \/resume — продолжить\.$/,
    );
    await h.send(privateMessage("/feeds", { from: RUSSIAN_EDITOR }));
    expect(texts(h).at(-1)).toContain("Лент пока нет.");
  });

  it("runs the /new dialog in Russian, with a future example time in the prompt", async () => {
    const h = await start();
    await h.send(privateMessage("/new", { from: RUSSIAN_EDITOR }));
    expect(texts(h).at(-1)).toContain("Пришлите заголовок");
    await h.send(privateMessage("Трамваи ходят ночью", { from: RUSSIAN_EDITOR }));
    await h.send(privateMessage("коротко", { from: RUSSIAN_EDITOR }));
    expect(texts(h).at(-1)).toBe(
      "Текст слишком короткий (нужно хотя бы 20 символов). Попробуйте ещё раз или /cancel.",
    );
    await h.send(
      privateMessage("Городской совет продлил ночные трамваи до весны.", { from: RUSSIAN_EDITOR }),
    );
    await h.send(privateMessage("/skip", { from: RUSSIAN_EDITOR }));
    const prompt = h.fake.messages(EDITOR.id).at(-1)!;
    const example = /например (\d{2})\.(\d{2})\.(\d{4}) 09:30/.exec(prompt.text);
    expect(example).not.toBeNull();
    const [, day, month, year] = example!.map(Number);
    expect(Date.UTC(year!, month! - 1, day!, 6, 30)).toBeGreaterThan(Date.now());
    expect(labels(prompt.replyMarkup)).toEqual(["Ближайший слот", "Сейчас"]);
    await pressUnderLast(h, "e:wn", RUSSIAN_EDITOR);
    const preview = h.fake.messages(EDITOR.id).at(-1)!;
    expect(preview.text).toMatch(/^Предпросмотр\. Пост будет опубликован в ближайший слот/);
    expect(labels(preview.replyMarkup)).toEqual(["Подтвердить", "Отменить"]);
    await pressUnderLast(h, "e:nc", RUSSIAN_EDITOR);
    expect(h.fake.messages(EDITOR.id).at(-1)!.text).toMatch(/^✅ Сохранено как статья 1/);
  });

  it("refuses a Russian-speaking reader in Russian and changes nothing", async () => {
    const h = await start();
    await h.send(privateMessage(`/add ${articleText("Story")}`, { from: EDITOR }));
    const before = snapshot(h.db);
    await h.send(privateMessage("/queue", { from: RUSSIAN_READER }));
    await h.send(privateMessage("/feed 1", { from: RUSSIAN_READER }));
    await h.send(callbackQuery("q:p:1", { from: RUSSIAN_READER }));
    expect(texts(h, RUSSIAN_READER.id)).toEqual([
      "Извините, эта команда только для редакторов. /help — что умеет бот.",
      "Извините, эта команда только для редакторов. /help — что умеет бот.",
    ]);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toBe(
      "Нельзя: эта кнопка только для редакторов.",
    );
    expect(snapshot(h.db)).toEqual(before);
  });
});

describe("notices the publisher sends editors", () => {
  it("says 'publishing paused' in the language the editor chose", async () => {
    const h = await start();
    await h.send(privateMessage("/language ru", { from: EDITOR }));
    await h.send(privateMessage(`/add ${articleText("Story")}`, { from: EDITOR }));
    h.fake.setChat(CHANNEL, { type: "channel", botIsMember: false });
    await h.send(privateMessage("/postnow", { from: EDITOR }));
    expect(texts(h).at(-1)).toBe("⏳ Публикую…");
    await h.settle();
    const said = texts(h);
    expect(said).toContainEqual(
      expect.stringMatching(/^⚠️ Публикации на паузе\. Telegram не принял посты в @newsroom_test: /),
    );
    // "Публикую…" is replaced by the outcome when the channel has answered.
    expect(said).toContainEqual(
      expect.stringMatching(
        /^⚠️ Пост №1 \(статья 1\): Канал не пустил бота, поэтому публикации на паузе/,
      ),
    );
    expect(said).not.toContain("⏳ Публикую…");
  });
});

describe("/language", () => {
  it("switches an editor's desk to English and back, remembered across a restart", async () => {
    const h = await start();
    await h.send(privateMessage("/language", { from: RUSSIAN_EDITOR }));
    const prompt = h.fake.messages(EDITOR.id).at(-1)!;
    expect(prompt.text).toBe("Выберите язык ответов:");
    expect(labels(prompt.replyMarkup)).toEqual(["English", "Русский"]);
    await pressUnderLast(h, "lang:en", RUSSIAN_EDITOR);
    expect(h.fake.messages(EDITOR.id).at(-1)!.text).toBe("Done: I will answer you in English.");
    await h.send(privateMessage("/queue", { from: RUSSIAN_EDITOR }));
    expect(texts(h).at(-1)).toMatch(/^Publication queue: 0 waiting/);

    const again = await start({ db: h.db });
    await again.send(privateMessage("/stats", { from: RUSSIAN_EDITOR }));
    expect(texts(again).at(-1)).toMatch(/^Newsroom stats/);
    await again.send(privateMessage("/language ru", { from: RUSSIAN_EDITOR }));
    expect(texts(again).at(-1)).toBe("Готово: буду отвечать вам по-русски.");
    await again.send(privateMessage("/stats", { from: EDITOR }));
    expect(texts(again).at(-1)).toMatch(/^Статистика редакции/);
  });

  it("works for readers too, and explains a language it does not know", async () => {
    const h = await start();
    await h.send(privateMessage("/language ru", { from: READER }));
    await h.send(privateMessage("/nonsense", { from: READER }));
    await h.send(privateMessage("/language de", { from: READER }));
    expect(texts(h, READER.id)).toEqual([
      "Готово: буду отвечать вам по-русски.",
      "Такой команды нет. /help — список команд.",
      "Отправьте /language и нажмите кнопку, или /language ru, /language en.",
    ]);
  });
});

describe("/help", () => {
  it("lists the desk's commands after the readers' ones for an editor, each with an example", async () => {
    const h = await start();
    await h.send(privateMessage("/help", { from: EDITOR }));
    const help = texts(h).at(-1)!;
    expect(help.indexOf("/latest 10")).toBeGreaterThan(-1);
    expect(help.indexOf("Editors' desk")).toBeGreaterThan(help.indexOf("/latest 10"));
    for (const example of [
      "/queue —",
      "/postnow 12 —",
      "/feed 3 —",
      "/addfeed https://example.com/rss store-only —",
      "/language —",
    ]) {
      expect(help).toContain(example);
    }
    await h.send(privateMessage("/help", { from: RUSSIAN_EDITOR }));
    expect(texts(h).at(-1)).toContain("Пульт редактора\n• /add — затем вставьте статью");
  });

  it("/start tells an editor about the desk, and a reader nothing of it", async () => {
    const h = await start();
    await h.send(privateMessage("/start", { from: RUSSIAN_EDITOR }));
    await h.send(privateMessage("/start", { from: READER }));
    expect(texts(h).at(-1)).toMatch(/\n\nВы редактор: \/help покажет и команды пульта/);
    expect(texts(h, READER.id)[0]).not.toContain("editors");
  });

  it("shows a reader only the readers' commands, in either language", async () => {
    const h = await start();
    await h.send(privateMessage("/help", { from: READER }));
    await h.send(privateMessage("/help", { from: RUSSIAN_READER }));
    expect(texts(h, READER.id)[0]).not.toContain("Editors' desk");
    expect(texts(h, READER.id)[0]).not.toContain("/postnow");
    expect(texts(h, RUSSIAN_READER.id)[0]).toContain("/language — русский или английский");
    expect(texts(h, RUSSIAN_READER.id)[0]).not.toContain("Пульт редактора");
  });
});

describe("the desk's newer questions in Russian", () => {
  it("asks before clearing a feed's queued items, and before posting a scheduled item early", async () => {
    const h = await start();
    await h.send(privateMessage("/clearqueue 5", { from: RUSSIAN_EDITOR }));
    expect(texts(h).at(-1)).toBe("У ленты #5 в очереди ничего нет.");
    await h.send(privateMessage("/clearqueue", { from: RUSSIAN_EDITOR }));
    expect(texts(h).at(-1)).toMatch(/^Так: \/clearqueue 3/);

    await h.send(
      privateMessage(`/add ${articleText("Завтрашняя новость")}`, { from: RUSSIAN_EDITOR }),
    );
    const tomorrow = Date.now() + 24 * 3600_000;
    h.db.prepare("UPDATE publish_queue SET not_before = ? WHERE id = 1").run(tomorrow);
    await h.send(privateMessage("/postnow 1", { from: RUSSIAN_EDITOR }));
    const question = h.fake.messages(EDITOR.id).at(-1)!;
    expect(question.text).toMatch(
      /^⏰ Пост №1 запланирован на \d{1,2} [а-я]{3,4}\.? \d{4} г\., \d{2}:\d{2} GMT\+3\. Опубликовать сейчас, раньше срока\?$/,
    );
    expect(labels(question.replyMarkup)).toEqual(["Всё равно опубликовать", "Оставить по плану"]);
  });
});
