import type { Locale } from "./locale.js";

/**
 * The word forms of a count, by CLDR plural category: English needs `one` and `other`;
 * Russian `one` (1, 21 статья), `few` (2–4, 22 статьи), `many` (5–20, 25 статей) and `other`
 * (fractions). A missing category falls back to `other`.
 */
export interface PluralForms {
  readonly one: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

const rules = new Map<Locale, Intl.PluralRules>();

function rulesFor(locale: Locale): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    rules.set(locale, r);
  }
  return r;
}

/** The form of `forms` that goes with `n` in `locale` (no number). */
export function pluralForm(locale: Locale, n: number, forms: PluralForms): string {
  const category = rulesFor(locale).select(n);
  if (category === "one") return forms.one;
  if (category === "few") return forms.few ?? forms.other;
  if (category === "many") return forms.many ?? forms.other;
  return forms.other;
}

/** `n` and its word: `1 article`, `5 articles`; `1 статья`, `2 статьи`, `5 статей`. */
export function plural(locale: Locale, n: number, forms: PluralForms): string {
  return `${n.toLocaleString(locale === "ru" ? "ru-RU" : "en-GB")} ${pluralForm(locale, n, forms)}`;
}
