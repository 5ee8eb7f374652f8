// One rule for tags: "Reflectie", "reflectie" and "Réflectie" are one tag (one slug, one page), and
// the site shows it in one spelling everywhere. The build and `npm run check` both ask here, so the
// check never tells an author to use another spelling than the one the site shows.
import { slugify } from "../model/slug.ts";
import type { TagRef } from "../model/posts.ts";

/** A post's tags as written, one per slug (the first spelling in the post), without empty ones. */
export function tagRefs(labels: readonly string[] | undefined): TagRef[] {
  const bySlug = new Map<string, string>();
  for (const raw of labels ?? []) {
    const slug = slugify(raw);
    const label = raw;
    if (slug && !bySlug.has(slug)) bySlug.set(slug, label);
  }
  return [...bySlug].map(([slug, label]) => ({ slug, label }));
}

/**
 * The spelling the site shows for each tag slug: the one most posts use ("Reflectie" over a lone
 * "reflectie"); when as many posts use each, the newest post's. `posts` must be newest first, as
 * the site lists them.
 */
export function tagSpellings(posts: readonly { tags: readonly TagRef[] }[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const post of posts) {
    for (const { slug, label } of post.tags) {
      const spellings = counts.get(slug) ?? new Map<string, number>();
      spellings.set(label, (spellings.get(label) ?? 0) + 1);
      counts.set(slug, spellings);
    }
  }
  const chosen = new Map<string, string>();
  for (const [slug, spellings] of counts) {
    // Maps keep insertion order: the first spelling seen is the newest post's, and only a strictly
    // higher count replaces it.
    let best: [string, number] | undefined;
    for (const entry of spellings) if (!best || entry[1] > best[1]) best = entry;
    chosen.set(slug, best![0]);
  }
  return chosen;
}
