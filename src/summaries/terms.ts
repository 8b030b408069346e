/**
 * Content terms for comparing sentences: lower-cased words without function words, stemmed.
 * English words go through a light suffix stemmer ("floods"/"flooded" fall together); other
 * words (Russian) are cut to a fixed prefix, a crude stemmer that suits a language whose
 * endings carry the grammar ("нефти"/"нефтью" fall together).
 */
import { stemEnglish } from "./english-stem.js";

const STOP_WORDS = new Set(
  (
    "a an the and or but if then than so as at by for from in into of on onto to with without " +
    "about above after again against all am any are aren't be because been before being below " +
    "between both can could did do does doing down during each few further had has have having " +
    "he her here hers herself him himself his how i i'm is it it's its itself just me more most " +
    "my myself no nor not now only other our ours ourselves out over own same she should some " +
    "such that that's their theirs them themselves there these they this those through too under " +
    "until up very was we were what when where which while who whom why will would you your " +
    "yours also said says say one two new last first year years told mr mrs ms" +
    " и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только " +
    "ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни " +
    "быть был была были него до вас нибудь опять уж вам ведь там потом себя ничего ей может они " +
    "тут где есть надо ней для мы тебя их чем сам чтоб без будто чего раз тоже себе под будет ж " +
    "тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее " +
    "сейчас куда зачем всех никогда можно при наконец два об другой хоть после над больше тот " +
    "через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед " +
    "иногда лучше чуть том нельзя такой им более всегда конечно всю между это также который " +
    "которые которая которых заявил сообщил сказал году года"
  ).split(" "),
);

const STEM_LENGTH = 6;

/** The stem of one lower-cased word: suffix rules for English, a prefix for anything else. */
function stem(word: string): string {
  if (/^[a-z'’]+$/.test(word)) return stemEnglish(word);
  return word.length > STEM_LENGTH ? word.slice(0, STEM_LENGTH) : word;
}

/** Lower-cased words of a text (letters, marks, digits; apostrophes kept inside words). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/** Stemmed content terms of a text, in order, with repeats. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    const plain = word.replace(/’/g, "'");
    if (STOP_WORDS.has(plain) || plain.length < 2) continue;
    terms.push(stem(plain));
  }
  return terms;
}
