/** One reader command as /start and /help show it. */
export interface CommandHelp {
  readonly command: string;
  readonly example: string;
  readonly what: string;
}

/**
 * Every reader-facing text of the bot, in one language. Plain text: the formatters add the
 * markup and escape whatever goes into Telegram HTML.
 */
export interface Messages {
  readonly welcomeTitle: string;
  readonly welcomeIntro: string;
  readonly helpTitle: string;
  readonly commandsTitle: string;
  readonly commands: readonly CommandHelp[];
  inlineHint(botUsername: string): string;
  articleNotFound(id: number): string;
  /** The editors' mark on what readers cannot see yet. */
  readonly notYetPublic: string;

  readonly latestTitle: string;
  latestBadCount(given: string, used: number, max: number): string;
  readonly archiveEmpty: string;
  readonly olderButton: string;
  readonly newerButton: string;
  readonly nothingFurther: string;

  readonly searchUsage: string;
  searchTitle(query: string): string;
  pageNumber(page: number): string;
  nothingFound(query: string): string;
  readonly broaderHint: string;
  readonly nextButton: string;
  readonly previousButton: string;
  readonly searchExpired: string;

  readonly summaryUsage: string;
  readonly summaryTitle: string;
  readonly summaryNoText: string;
  readonly digestTitle: string;
  readonly digestQuiet: string;
  readonly readArticle: string;
  readonly readFullStory: string;

  readonly buttonInvalid: string;
  readonly slowDown: string;
  readonly slowDownShort: string;
  readonly inlineLatestTitle: string;

  /** A reader who tries an editor command (nothing else happens). */
  readonly editorsOnly: string;
  /** A press on an editor's button by someone who is not an editor. */
  readonly notAllowed: string;
  readonly languagePrompt: string;
  /** Said in the newly chosen language. */
  readonly languageSet: string;
  readonly languageUsage: string;
}
