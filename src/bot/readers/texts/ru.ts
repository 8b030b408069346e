import type { Messages } from "./reader-messages.js";

export const ru: Messages = {
  welcomeTitle: "Здравствуйте! Я бот редакции.",
  welcomeIntro:
    "Я храню все статьи редакции. Спросите у меня свежие новости, найдите статью в архиве или получите краткий пересказ.",
  helpTitle: "Что я умею",
  commandsTitle: "Команды",
  commands: [
    {
      command: "latest",
      example: "/latest 10",
      what: "свежие статьи (5, если не указать число, не больше 20)",
    },
    { command: "search", example: "/search итоги выборов", what: "поиск по архиву" },
    {
      command: "summary",
      example: "/summary 42",
      what: "краткий пересказ статьи 42; без номера — дайджест дня",
    },
    { command: "language", example: "/language", what: "русский или английский" },
    { command: "help", example: "/help", what: "этот список" },
  ],
  inlineHint: (bot) => `В любом чате наберите @${bot} и пару слов, чтобы поделиться статьёй.`,
  articleNotFound: (id) => `Статьи ${id} в архиве нет.`,
  notYetPublic: "ещё не опубликовано",

  latestTitle: "Свежие статьи",
  latestBadCount: (given, used, max) =>
    `«${given}» — не число от 1 до ${max}, поэтому вот ${used} последних.`,
  archiveEmpty: "Архив пока пуст. Скоро здесь появятся новые статьи.",
  olderButton: "Ещё ▶",
  newerButton: "◀ Новее",
  nothingFurther: "Дальше ничего нет.",

  searchUsage: "Напишите после команды слова для поиска, например: /search итоги выборов",
  searchTitle: (query) => `Результаты по запросу «${query}»`,
  pageNumber: (page) => `страница ${page}`,
  nothingFound: (query) => `По запросу «${query}» ничего не найдено.`,
  broaderHint: "Попробуйте меньше слов или более общие слова, проверьте написание.",
  nextButton: "Дальше ▶",
  previousButton: "◀ Назад",
  searchExpired: "Этот поиск устарел. Отправьте /search ещё раз.",

  summaryUsage:
    "Отправьте /summary для дайджеста дня или /summary и номер статьи, например /summary 42.",
  summaryTitle: "Кратко",
  summaryNoText: "В этой статье нет текста для пересказа.",
  digestTitle: "Главное за сутки",
  digestQuiet: "Спокойный день: за последние сутки ничего нового. Последние статьи:",
  readArticle: "Читать статью",
  readFullStory: "Читать полностью",

  buttonInvalid: "Эта кнопка больше не действует.",
  slowDown:
    "Вы отправляете запросы быстрее, чем я успеваю отвечать. Подождите немного и попробуйте снова.",
  slowDownShort: "Слишком много запросов, подождите немного.",
  inlineLatestTitle: "Свежее",

  editorsOnly: "Извините, эта команда только для редакторов. /help — что умеет бот.",
  notAllowed: "Нельзя: эта кнопка только для редакторов.",
  languagePrompt: "Выберите язык ответов:",
  languageSet: "Готово: буду отвечать вам по-русски.",
  languageUsage: "Отправьте /language и нажмите кнопку, или /language ru, /language en.",
};
