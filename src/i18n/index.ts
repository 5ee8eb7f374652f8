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
