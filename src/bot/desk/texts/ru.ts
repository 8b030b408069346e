import { type PluralForms, plural } from "../../../i18n/plural.js";
import type { DeskMessages } from "./desk-messages.js";
import { articleProblem, feedProblem } from "./ru-reasons.js";

const n = (count: number, one: string, few: string, many: string) =>
  plural("ru", count, { one, few, many, other: few } satisfies PluralForms);

const STATES = {
  queued: "в очереди",
  sending: "отправляется",
  posted: "опубликован",
  failed: "не удался",
  removed: "удалён",
} as const;

const OPML_PROBLEMS = {
  "too-large": "файл больше 1 МБ, а список лент в OPML гораздо меньше",
  "not-xml": "файл не читается как XML",
  "not-opml": "это не OPML (нет <opml> с <body>)",
  entities: "в файле есть DOCTYPE или сущности, которые OPML не нужны; такой файл не принимается",
  "too-many": "в файле больше 200 лент; разделите его на файлы поменьше",
  "no-feeds": "в файле нет адресов лент (xmlUrl)",
  "download-failed": "не удалось скачать файл из Telegram; пришлите его ещё раз",
} as const;

const WHEN = {
  format: (ex: string) => `напишите дату и время так: ${ex} (день.месяц.год часы:минуты)`,
  "no-such-time": () => "такой даты или времени не бывает",
  past: () => "это время уже прошло",
  "too-far": () => "это больше чем через год",
} as const;

/** The desk in Russian. */
export const deskRu: DeskMessages = {
  locale: "ru",
  deskOff:
    "Редакторский пульт выключен: не задан CHANNEL_ID, поэтому очереди нет. Укажите CHANNEL_ID в .env и перезапустите бота.",

  stateName: (state) => STATES[state],
  itemInState: (id, state) => `пост №${id}: ${state}`,
  itemWhere: (id, position, when) => `пост №${id}, место ${position}, ${when}`,
  beingPostedNow: "публикуется сейчас",
  planned: (time) => `по плану ${time}`,
  pausedResume: "публикации на паузе (/resume)",
  noRunAhead: "запусков по расписанию впереди нет",
  storedCreated: (id) => `Сохранено как статья ${id}`,
  storedUpdated: (id) => `Уже в архиве как статья ${id}; её текст обновлён`,
  storedSame: (id) => `Уже в архиве как статья ${id}`,
  queued: (stored, where) => `✅ ${stored} и поставлено в очередь: ${where}.`,
  alreadyQueued: (stored, where) => `ℹ️ ${stored}; она уже в очереди: ${where}.`,
  alreadyPosted: (stored) =>
    `ℹ️ ${stored}; она уже опубликована в канале, поэтому в очередь не ставится.`,
  notQueued: (reason) => `❌ Не поставлено в очередь: ${reason}.`,
  articleProblem,

  postNowButton: "Опубликовать",
  removeButton: "Убрать",
  moveToTopButton: "В начало",
  upButton: "Выше",
  downButton: "Ниже",
  retryButton: "Повторить",
  backButton: "‹ Назад",
  refreshButton: "Обновить",
  nextPageButton: "Дальше ›",

  staleItem: "Этого поста уже нет в очереди.",
  removedFromQueue: "Убрано из очереди.",
  movedToTop: "Перемещено в начало.",
  movedUp: "Перемещено выше.",
  movedDown: "Перемещено ниже.",
  queuedAgain: "Снова в очереди, в конце.",
  buttonInvalid: "Эта кнопка недействительна.",
  articleDeleted: "(статья удалена)",

  queueHeaderHtml: (waiting, failed) =>
    `<b>Очередь публикаций</b>: ждут ${waiting}${failed ? ` · не удались ${failed}` : ""}`,
  runningOnSchedule: "▶️ Публикации идут по расписанию.",
  pausedSinceHtml: (time, byTelegram, why) =>
    `⏸ <b>Публикации на паузе</b> с ${time} (${byTelegram ? "Telegram не пустил в канал" : "пауза редактора"}${why ? `: ${why}` : ""}). /resume — продолжить.`,
  waitsForResume: "ждёт /resume",
  feedTag: (id) => `лента №${id}`,
  notBefore: (time) => `не раньше ${time}`,
  attempts: (count) => n(count, "попытка", "попытки", "попыток"),
  lastError: (text) => `последняя ошибка: ${text}`,
  queueEmpty: "Очередь пуста. /add — добавить статью, /new — написать пост.",
  pageOf: (page, pages) => `Страница ${page} из ${pages}`,
  timesIn: (zone) => `Время: ${zone}.`,

  posting: "⏳ Публикую…",
  postingItem: (id) => `⏳ Публикую… (пост №${id})`,
  unexpectedError: "непредвиденная ошибка; пост остаётся в очереди",
  outcomeUnknown: (reason) =>
    `неизвестно, получил ли Telegram пост (${reason}); он придержан, редакторов спросили.`,
  outcomeQuestionHtml: (title, id, reason) =>
    `⚠️ <b>Этот пост есть в канале?</b>\n«${title}» (пост №${id})\n\n` +
    `Бот не может знать: ${reason}. Пост придержан и не будет отправлен снова, ` +
    "пока вы не решите. Посмотрите канал и нажмите одну из кнопок.",
  inChannelButton: "Он есть в канале",
  sendAgainButton: "Отправить снова",
  itemLabel: (id) => `пост №${id}`,
  outcomeRecorded: "Записано: пост опубликован и снова отправлен не будет.",
  outcomeRecordedShort: "Записано.",
  sendingAgain: "Отправляю снова…",
  outcomeAlreadyDecided: (title, id, inChannel) =>
    `По «${title}» (пост №${id}) уже решили${
      inChannel === undefined ? "" : `: ${inChannel ? "он есть в канале" : "отправлен снова"}`
    }. Ничего не изменилось.`,
  outcomeItemGone: (id) => `Поста №${id} больше нет в очереди. Ничего не изменилось.`,
  posted: "Опубликовано в канале.",
  postedPlain: "Опубликовано в канале (простым текстом: Telegram не принял разметку).",
  markedFailed: (reason) => `Telegram не принял пост, он помечен как неудавшийся: ${reason}`,
  retryLater: (reason) =>
    `Пока не доставлено; пост остаётся в очереди и будет отправлен снова: ${reason}`,
  channelRefusedPaused: (reason) => `Канал не пустил бота, поэтому публикации на паузе: ${reason}`,
  outcomeLine: (itemId, articleId, text) => `Пост №${itemId} (статья ${articleId}): ${text}`,
  itemProblem: (itemId, text) => `Пост №${itemId}: ${text}`,
  nothingPosted: (reason) => `⚠️ Ничего не опубликовано: ${reason}.`,
  noPublisher: "публикация в этом боте не настроена (нет CHANNEL_ID?)",
  queueIsEmpty: "очередь пуста",
  noSuchItem: (id) => `в очереди нет поста №${id}`,
  scheduledFor: (id, time) => `пост №${id} запланирован на ${time}`,
  nothingDue: (next) =>
    `публиковать пока нечего: следующий пост запланирован на ${next} (/postnow <ID> опубликует раньше)`,
  postnowUsage:
    "Так: /postnow — опубликовать следующий пост, которому пора, /postnow 12 — пост №12 из /queue.",
  postEarlyQuestionHtml: (id, time) =>
    `⏰ Пост №${id} запланирован на <b>${time}</b>. Опубликовать сейчас, раньше срока?`,
  postEarlyButton: "Всё равно опубликовать",
  keepScheduledButton: "Оставить по плану",
  keptScheduled: "Остаётся по плану.",
  scheduledConfirmBelow: "Запланировано на потом: подтвердите ниже.",
  clearYesButton: (count) => `Да, убрать ${count}`,
  clearNoButton: "Нет, оставить",
  clearqueueUsage:
    "Так: /clearqueue 3 (номер ленты из /feeds): убирает из очереди все записи этой ленты.",
  feedNothingQueued: (label) => `У ленты ${label} в очереди ничего нет.`,
  clearQuestionHtml: (count, label) =>
    `🗑 Убрать из очереди ${n(count, "запись", "записи", "записей")} ленты ${label}? Статьи останутся в архиве, скрытыми от читателей.`,
  nothingRemoved: "Ничего не убрано.",
  keptFeedItems: (label) => `Записи ленты ${label} остались в очереди.`,
  removedCount: (count) => `Убрано: ${count}.`,
  removedFromFeedHtml: (count, label) =>
    `🗑 Из очереди убрано ${n(count, "запись", "записи", "записей")} ленты ${label}. Статьи остались в архиве, скрытыми от читателей.`,
  removeAllFromFeedButton: (feedId) => `Убрать всё из ленты №${feedId}`,
  noSuchArticle: (id) => `Статьи ${id} нет.`,
  articlePublicNow: (id) => `Статья ${id} теперь открыта.`,
  articlePublic: (id) => `🔓 Статья ${id} открыта: читатели видят её в /latest и /search.`,
  makePublicButton: "Открыть сейчас",
  pausedNow:
    "⏸ Публикации по расписанию на паузе, и после перезапуска тоже. /postnow по-прежнему публикует; /resume возобновляет расписание.",
  alreadyPaused: (since) =>
    `Публикации уже на паузе${since ? ` с ${since}` : ""}. /resume — продолжить.`,
  resumed: "▶️ Публикации по расписанию снова идут. /queue покажет плановое время.",
  notPaused: "Публикации не были на паузе, они идут по расписанию.",

  statsTitle: "Статистика редакции",
  telegramUnreachable: (since) =>
    `⚠️ Telegram недоступен с ${since}: посты ждут и будут отправлены снова.`,
  articlesStored: (count) => `Статей в архиве: ${count}`,
  queuedLine: (queued, failed) => `В очереди: ${queued}${failed ? ` · не удались: ${failed}` : ""}`,
  postedLine: (today, week) => `Опубликовано сегодня: ${today} · за 7 дней: ${week}`,
  publishingPaused: (since, byTelegram) =>
    `⏸ на паузе с ${since}${byTelegram ? " (Telegram не пустил в канал)" : ""} — /resume`,
  publishingRunning: "▶️ идут по расписанию",
  publishingLine: (state) => `Публикации: ${state}`,
  lastDeliveryError: (text) => `Последняя ошибка доставки: ${text ?? "нет"}`,
  feedsLine: (total, ok, failing, pending) =>
    total === 0
      ? "Ленты: нет"
      : `Ленты: ${total} · в порядке ${ok} · с ошибками ${failing}${pending ? ` · ещё не загружались ${pending}` : ""}`,
  moreFailingFeeds: (count) =>
    `… и ещё ${n(count, "лента", "ленты", "лент")} с ошибками не показаны.`,

  feedOk: "в порядке",
  feedNotFetched: "ещё не загружалась",
  feedFailing: (count) => `ошибки (${n(count, "раз", "раза", "раз")} подряд)`,
  feedAddedHtml: (name, id) => `✅ Лента <b>${name}</b> добавлена под №${id}.`,
  feedOffered: (found, created, queued, storeOnly) =>
    `В ней ${n(found, "запись", "записи", "записей")}: в архив добавлено ${created} (читатели видят их сразу), ${
      storeOnly
        ? "лента «только архив»: в очередь ничего не ставится ни сейчас, ни потом."
        : `в очередь на канал — ${queued}.\nНовые записи будут вставать в очередь (старше FEED_MAX_AGE — только в архив).`
    }`,
  alsoInNote: (count) =>
    `${n(count, "запись", "записи", "записей")} уже есть в архиве из другого источника`,
  cutNote: (count) =>
    `${n(count, "текст обрезан", "текста обрезаны", "текстов обрезаны")} до 100 000 символов`,
  itemsRefused: (count, reason) =>
    `⚠️ Не удалось сохранить ${n(count, "запись", "записи", "записей")}: ${reason}.`,
  lastFetchRefused: (count, reason) =>
    `при последней загрузке не сохранено ${n(count, "запись", "записи", "записей")}: ${reason}`,
  unknownReason: "причина неизвестна",
  feedsTitleHtml: (count) => `<b>Ленты</b> (${count})`,
  noFeeds: "Лент пока нет. Добавьте: /addfeed &lt;url&gt; [store-only] или пришлите файл .opml.",
  neverFetched: "ещё не загружалась",
  lastFetch: (time) => `загружена ${time}`,
  articles: (count) => n(count, "статья", "статьи", "статей"),
  storeOnlyTag: "только архив",
  pollingPausedTag: "⏸ опрос на паузе",
  includeTag: (words) => `только со словами: ${words}`,
  excludeTag: (words) => `без слов: ${words}`,
  feedsTail:
    "/feed &lt;ID&gt; — карточка ленты (правила, пауза, удаление); /clearqueue &lt;ID&gt; — убрать её записи из очереди; /feeds export — список в OPML.",
  moreFeeds: (count) => `… и ещё ${n(count, "лента", "ленты", "лент")} не показаны.`,
  addfeedUsage:
    "Так: /addfeed https://example.com/rss [store-only] [latest N]\nТо, что сейчас в ленте, уходит в архив; latest N ставит в очередь N самых новых записей.",
  feedNotAdded: (reason) => `❌ Лента не добавлена: ${reason}.`,
  feedProblem,
  removefeedUsage: "Так: /removefeed 3 (номер ленты из /feeds)",
  feedRemovedHtml: (id, url) => `🗑 Лента №${id} (${url}) удалена. Её статьи остаются в архиве.`,
  noSuchFeed: (id) => `Ленты №${id} нет. /feeds — список лент.`,

  feedUsage:
    "Так: /feed 3 (номер ленты из /feeds) открывает её карточку; /feeds export — все ленты в OPML.",
  feedCardHtml: (c) =>
    [
      `<b>Лента №${c.id}</b> ${c.name}`,
      c.url,
      "",
      `Опрос: ${c.paused ? "⏸ на паузе (ничего не загружается)" : "▶️ идёт"}`,
      `Только архив: ${c.storeOnly ? "да (новое — в архив, не в очередь)" : "нет (новое — в очередь)"}`,
      `Нужные слова: ${c.include}`,
      `Исключающие слова: ${c.exclude}`,
      "",
      `${c.lastFetch} · ${n(c.articles, "статья", "статьи", "статей")} · ${c.health}`,
      ...(c.lastError ? [`Последняя ошибка: ${c.lastError}`] : []),
      "",
      "Запись встаёт в очередь, только если в заголовке или тексте есть нужное слово (если они заданы) и нет исключающего; отфильтрованное всё равно попадает в архив. Правила действуют со следующей загрузки.",
    ].join("\n"),
  storeOnlyButton: (on) => (on ? "Только архив: да → нет" : "Только архив: нет → да"),
  pollingButton: (paused) => (paused ? "▶️ Возобновить опрос" : "⏸ Приостановить опрос"),
  includeButton: "Нужные слова…",
  excludeButton: "Исключающие слова…",
  removeFeedButton: "🗑 Удалить ленту",
  confirmRemoveButton: "Да, удалить",
  keepButton: "Нет, оставить",
  confirmRemoveHtml: (id, url) =>
    `Удалить ленту №${id} (${url})? Опрос прекратится; её статьи останутся в архиве.`,
  storeOnlyNowOn: "«Только архив» включено: новое — в архив, не в очередь.",
  storeOnlyNowOff: "«Только архив» выключено: новое встаёт в очередь.",
  pollingNowPaused: "Опрос на паузе.",
  pollingNowOn: "Опрос снова идёт.",
  askWords: (kind, id, current) =>
    `Пришлите ${kind === "include" ? "нужные" : "исключающие"} слова для ленты №${id} через запятую (слово со * на конце ловит все формы, например выбор*). «-» — очистить, /cancel — оставить как есть.\nСейчас: ${current}`,
  wordsSaved: (kind, words) =>
    `Сохранено. ${kind === "include" ? "Нужные" : "Исключающие"} слова: ${words}. Действуют со следующей загрузки.`,
  wordsTooMany: "Не больше 50 слов, каждое до 60 символов. Попробуйте ещё раз или /cancel.",
  anyWord: "любые (не заданы)",
  noWord: "нет",

  opmlReading:
    "Читаю файл OPML и добавляю ленты; это может занять минуту. Можно работать дальше: отчёт придёт следом.",
  opmlRefused: (problem) => `❌ OPML не импортирован: ${OPML_PROBLEMS[problem]}.`,
  opmlReportHtml: (r) =>
    [
      `<b>Импорт OPML</b>: добавлено ${r.added.length} · уже были ${r.present.length} · отклонено ${r.refused.length}`,
      ...(r.added.length ? ["", "<b>Добавлены</b>", ...r.added.map((l) => `• ${l}`)] : []),
      ...(r.present.length ? ["", "<b>Уже были</b>", ...r.present.map((l) => `• ${l}`)] : []),
      ...(r.refused.length
        ? ["", "<b>Отклонены</b>", ...r.refused.map((x) => `• ${x.url}: ${x.reason}`)]
        : []),
    ].join("\n"),
  opmlExportCaption: (count) => `${n(count, "лента", "ленты", "лент")} в формате OPML.`,
  opmlNoFeeds: "Экспортировать пока нечего: лент нет.",

  pasteQuestionHtml: (headline, chars) =>
    `Поставить это в очередь как статью?\n<b>${headline}</b> (${n(chars, "символ", "символа", "символов")})`,
  queueItButton: "В очередь",
  noButton: "Нет",
  pasteGone: "Этот текст больше не хранится; пришлите его снова.",
  notQueuedShort: "Не поставлено в очередь.",

  newStep1Html:
    "📝 Новый пост (шаг 1 из 4). Пришлите <b>заголовок</b>. /cancel — выйти на любом шаге.",
  newStep2Html: "Шаг 2 из 4: пришлите <b>текст</b> поста. Абзацы разделяйте пустой строкой.",
  newStep3Html: "Шаг 3 из 4: пришлите <b>ссылку</b> на полный текст или /skip.",
  newStep4Html: (zone, example) =>
    `Шаг 4 из 4: <b>когда</b> публиковать? Нажмите кнопку или пришлите дату и время (${zone}), например ${example}.`,
  nextSlotButton: "Ближайший слот",
  nowButton: "Сейчас",
  confirmButton: "Подтвердить",
  cancelButton: "Отменить",
  headlineOneLine: "Заголовок — одна строка.",
  headlineTooLong: (length, max) =>
    `В заголовке ${n(length, "символ", "символа", "символов")}; можно не больше ${max}.`,
  textTooShort: (min) => `Текст слишком короткий (нужно хотя бы ${min} символов).`,
  textTooLong: (length, max) =>
    `В тексте ${n(length, "символ", "символа", "символов")}; /new принимает не больше ${max} (для длинных статей — /add).`,
  notALink: "Это не ссылка http(s).",
  tryAgain: (problem) => `${problem} Попробуйте ещё раз или /cancel.`,
  whenProblem: (reason, example) =>
    `Это время не подходит: ${WHEN[reason](example)}. Попробуйте ещё раз или /cancel.`,
  gapHtml: (typed, nearest) =>
    `${typed} не существует: этой ночью часы переводят на час вперёд. Ближайшее настоящее время: ${nearest.join(" и ")}. Нажмите кнопку или пришлите другое время.`,
  ambiguousHtml: (typed) =>
    `${typed} бывает этой ночью дважды (часы переводят на час назад). Какое из двух? Нажмите кнопку или пришлите другое время.`,
  whenNow: "сразу после подтверждения",
  whenNext: "в ближайший слот по расписанию (первым в очереди)",
  whenAt: (time) => `не раньше ${time}`,
  previewIntro: (when) => `Предпросмотр. Пост будет опубликован ${when}:`,
  pressConfirm: "Нажмите «Подтвердить» или «Отменить» под предпросмотром.",
  cancelled: "Отменено: ничего не сохранено.",
  nothingToCancel: "Отменять нечего.",
  dialogOver: "Этот диалог закончен. /new — новый пост.",
  answerWithText: "Ответьте текстом или /cancel, чтобы выйти.",
  inTheMiddle: "Мы на середине: ответьте на последний вопрос или /cancel, чтобы начать заново.",
  addPrompt:
    "Пришлите статью следующим сообщением: заголовок в первой строке, затем текст. /cancel — отмена.",
  dialogClosed: "Это могут только редакторы; диалог закрыт.",

  deskHelpTitle: "Пульт редактора",
  startHint: "Вы редактор: /help покажет и команды пульта, они есть и в меню.",
  deskHelp: {
    add: {
      example: "/add",
      what: "затем вставьте статью (заголовок в первой строке) — она сохранится и встанет в очередь; или перешлите пост",
    },
    new: { example: "/new", what: "написать пост по шагам: заголовок, текст, ссылка, время" },
    queue: {
      example: "/queue",
      what: "очередь с плановым временем; порядок, публикация, удаление",
    },
    postnow: {
      example: "/postnow 12",
      what: "опубликовать пост №12 сейчас (без номера — следующий)",
    },
    clearqueue: {
      example: "/clearqueue 3",
      what: "убрать из очереди все записи ленты №3 (сначала спросит)",
    },
    pause: {
      example: "/pause",
      what: "остановить публикации по расписанию (/resume — продолжить)",
    },
    addfeed: {
      example: "/addfeed https://example.com/rss store-only",
      what: "добавить ленту (store-only — только в архив)",
    },
    feeds: { example: "/feeds", what: "ленты, их правила и состояние; /feeds export — OPML" },
    feed: {
      example: "/feed 3",
      what: "карточка ленты №3: нужные и исключающие слова, только архив, пауза, удаление",
    },
    removefeed: {
      example: "/removefeed 3",
      what: "перестать опрашивать ленту №3 (статьи остаются)",
    },
    stats: { example: "/stats", what: "архив, очередь, публикации и ленты в цифрах" },
    language: { example: "/language", what: "язык ответов: русский или английский" },
  },
  menu: {
    add: "Поставить статью в очередь",
    new: "Новый пост по шагам",
    queue: "Очередь публикаций",
    postnow: "Опубликовать следующий пост сейчас",
    clearqueue: "Убрать из очереди записи ленты: /clearqueue <ID>",
    pause: "Приостановить публикации",
    resume: "Возобновить публикации",
    addfeed: "Добавить ленту: /addfeed <url> [store-only] [latest N]",
    feeds: "Ленты; /feeds export — OPML",
    feed: "Карточка ленты: /feed <ID>",
    removefeed: "Удалить ленту: /removefeed <ID>",
    stats: "Статистика",
    cancel: "Выйти из диалога",
  },
};
