// One slug rule for everything that becomes a URL segment (tags, new posts, imports), so that
// "Reflectie", "reflectie" and "Réflectie" land on the same page instead of colliding.

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lowercase ASCII words joined by hyphens: accents folded, punctuation dropped. */
export function slugify(text: string): string {
  // Most inputs (file names, most tags) are slugs already: the rules below would return them as they are.
  if (SLUG.test(text)) return text;
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[æ]/gi, "ae")
    .replace(/[ø]/gi, "o")
    .replace(/[œ]/gi, "oe")
    .replace(/[ł]/gi, "l")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** `slug`, or `slug-2`, `slug-3`, … — the first that `taken` does not claim (new posts, imports, /schrijven/). */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  const start = base || "bericht";
  if (!taken(start)) return start;
  for (let n = 2; ; n++) if (!taken(`${start}-${n}`)) return `${start}-${n}`;
}
