// All interface text comes from one dictionary per language, chosen by site.yaml's `lang`.
import { en } from "./en.ts";
import { nl, type Messages } from "./nl.ts";

export const languages = ["nl", "en"] as const;
export type Lang = (typeof languages)[number];
export type { Messages };

const dictionaries: Record<Lang, Messages> = { nl, en };

export function messages(lang: Lang): Messages {
  return dictionaries[lang];
}

/**
 * The one locale of each language: `tag` for Intl (dates, sorting), `openGraph` for `og:locale`
 * (https://ogp.me/#optional: language_TERRITORY).
 */
const locales: Record<Lang, { tag: string; openGraph: string }> = {
  nl: { tag: "nl-NL", openGraph: "nl_NL" },
  en: { tag: "en-GB", openGraph: "en_GB" },
};

export const localeOf = (lang: Lang) => locales[lang];
