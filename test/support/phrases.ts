// The fixed phrases of an interface dictionary, for checking that a site speaks one language.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Messages } from "../../src/i18n/index.ts";

const HOLE = "\u0000";

/** Every fixed piece of text in `dict`: strings as they are, functions split around their arguments. */
export function phrasesOf(dict: Messages): string[] {
  const found: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === "string") found.push(...value.split(HOLE).flatMap((s) => s.split("{n}")));
    else if (typeof value === "function") {
      // Called with placeholders for every argument; numbers that pick a plural get 2 and 1.
      for (const arg of [HOLE, 2, 1]) add(value(...Array.from({ length: Math.max(value.length, 1) }, () => arg)));
    } else if (value && typeof value === "object") for (const v of Object.values(value)) add(v);
  };
  for (const value of Object.values(dict)) add(value);
  return [
    ...new Set(
      found
        .map((s) => s.replace(/^[\s\d“”"'#:,.·]+|[\s\d“”"'#:,.·]+$/g, ""))
        .filter((s) => s.length >= 4 && /\p{L}/u.test(s)),
    ),
  ];
}

/** Phrases of `dict` that `other` does not use itself (e.g. "Website" is both Dutch and English). */
export function ownPhrases(dict: Messages, other: Messages): string[] {
  const shared = new Set(phrasesOf(other));
  return phrasesOf(dict).filter((p) => !shared.has(p));
}

/** All text the facilitator wrote (content/), which may quote any language. */
export function contentText(root: string): string {
  const dir = join(root, "content");
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.(md|ya?ml)$/.test(f))
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
}

/** Whether `phrase` occurs in `text` as whole words. */
export function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(text);
}
