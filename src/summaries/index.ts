export { type ArticleText, leadSentence } from "./lead-sentence.js";
export { type RougeScore, rougeL, rougeLsum, rougeN, rougeTokens } from "./rouge.js";
export { DEFAULT_TUNING, type SummaryTuning } from "./sentence-scores.js";
export { splitSentences } from "./split-sentences.js";
export { type SummaryOptions, summarize } from "./summarize.js";
