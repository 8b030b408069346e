/**
 * Why a text cannot become an article, as data: the message of the error says it in English
 * (logs, the command line), and the bot words it in the editor's language from this.
 */
export type ArticleProblem =
  | { readonly code: "too-long"; readonly length: number; readonly max: number }
  | { readonly code: "binary" }
  | { readonly code: "empty" }
  | { readonly code: "only-call-to-action" }
  | { readonly code: "headline-too-long"; readonly length?: number; readonly max: number }
  | { readonly code: "too-short" }
  | { readonly code: "no-headline" };
