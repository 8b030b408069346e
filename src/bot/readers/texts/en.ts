import type { Messages } from "./reader-messages.js";

export const en: Messages = {
  welcomeTitle: "Hello! I am the newsroom's bot.",
  welcomeIntro:
    "I keep every article the newsroom publishes. Ask me for the newest ones, search the archive, or get a short summary.",
  helpTitle: "What I can do",
  commandsTitle: "Commands",
  commands: [
    {
      command: "latest",
      example: "/latest 10",
      what: "the newest articles (5 unless you ask, up to 20)",
    },
    { command: "search", example: "/search election results", what: "search the archive" },
    {
      command: "summary",
      example: "/summary 42",
      what: "a short summary of article 42; without a number, today's digest",
    },
    { command: "language", example: "/language", what: "English or Russian" },
    { command: "help", example: "/help", what: "this list" },
  ],
  inlineHint: (bot) => `In any chat, type @${bot} and a few words to share an article.`,
  articleNotFound: (id) => `There is no article ${id} in the archive.`,
  notYetPublic: "not yet public",

  latestTitle: "Latest articles",
  latestBadCount: (given, used, max) =>
    `“${given}” is not a number from 1 to ${max}, so here are the latest ${used}.`,
  archiveEmpty: "The archive is empty for now. New articles will appear here soon.",
  olderButton: "More ▶",
  newerButton: "◀ Newer",
  nothingFurther: "There is nothing further back.",

  searchUsage:
    "Send the words to look for after the command, for example: /search election results",
  searchTitle: (query) => `Results for “${query}”`,
  pageNumber: (page) => `page ${page}`,
  nothingFound: (query) => `Nothing found for “${query}”.`,
  broaderHint: "Try fewer or more general words, or check the spelling.",
  nextButton: "Next ▶",
  previousButton: "◀ Previous",
  searchExpired: "This search has expired. Please send /search again.",

  summaryUsage:
    "Send /summary for today's digest, or /summary and an article number, e.g. /summary 42.",
  summaryTitle: "Summary",
  summaryNoText: "This article has no text to summarise.",
  digestTitle: "Today's top stories",
  digestQuiet: "A quiet day: nothing new in the last 24 hours. The latest stories:",
  readArticle: "Read the article",
  readFullStory: "Read the full story",

  buttonInvalid: "This button is no longer valid.",
  slowDown:
    "You are sending requests faster than I can answer. Please wait a moment and try again.",
  slowDownShort: "Too many requests, please wait a moment.",
  inlineLatestTitle: "Latest",

  editorsOnly:
    "Sorry, this command is only for the newsroom's editors. /help lists what you can do.",
  notAllowed: "Not allowed: only the newsroom's editors can use this button.",
  languagePrompt: "Choose the language of my replies:",
  languageSet: "Done: I will answer you in English.",
  languageUsage: "Send /language and press a button, or /language en, /language ru.",
};
