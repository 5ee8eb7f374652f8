// All interface text comes from one dictionary per language, chosen by site.yaml's `lang`
// (the languages and their locales: src/model/languages.ts).
import type { Lang } from "../model/languages.ts";
import { en } from "./en.ts";
import { nl, type Messages } from "./nl.ts";

export type { Messages };

const dictionaries: Record<Lang, Messages> = { nl, en };

export function messages(lang: Lang): Messages {
  return dictionaries[lang];
}
