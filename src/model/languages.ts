// The site's languages (site.yaml's `lang`) and the one locale of each. The words themselves are in
// src/i18n/; this is what the schema and the addresses need to know of a language.

export const languages = ["nl", "en"] as const;
export type Lang = (typeof languages)[number];

/**
 * The one locale of each language: `tag` for Intl (dates, sorting), `openGraph` for `og:locale`
 * (https://ogp.me/#optional: language_TERRITORY).
 */
const locales: Record<Lang, { tag: string; openGraph: string }> = {
  nl: { tag: "nl-NL", openGraph: "nl_NL" },
  en: { tag: "en-GB", openGraph: "en_GB" },
};

export const localeOf = (lang: Lang) => locales[lang];
