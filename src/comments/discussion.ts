// Which GitHub Discussion belongs to a post, decided once here for the widget, the fallback links
// and the build-time counts, so all three always point at the same conversation.
import { createHash } from "node:crypto";
import { postUrl } from "../urls.ts";

/** giscus's `specific` mapping (search by term) or `number` mapping (one existing discussion). */
export type Discussion = { mapping: "specific"; term: string } | { mapping: "number"; number: number };

/**
 * `posts/<slug>/` by default: the title giscus's own `pathname` mapping would give the post, but sent
 * as a fixed term so it is the same on localhost, in a deploy preview, in production and under a
 * path prefix. Front-matter `discussion:` overrides it: a number attaches the post to that existing
 * discussion, a string is used as the term (for renamed or migrated posts).
 */
export function discussionFor(slug: string, override?: number | string, known?: number): Discussion {
  if (typeof override === "number") return { mapping: "number", number: override };
  // The build found the discussion (src/comments/counts.ts): giscus reads it by number, without
  // GitHub's search, whose index lags behind new discussions (giscus #1347).
  if (known !== undefined) return { mapping: "number", number: known };
  if (typeof override === "string" && override.trim()) return { mapping: "specific", term: override.trim() };
  return { mapping: "specific", term: postUrl(slug).slice(1) };
}

/**
 * The marker giscus writes at the end of a discussion it creates: `<!-- sha1: <hex> -->`, the SHA-1
 * of the discussion's title (= our term). With `strict` on, giscus only accepts a discussion that
 * carries the marker of the term, so the counts match on it too.
 */
export function giscusHash(term: string): string {
  return createHash("sha1").update(term).digest("hex");
}

/** The line that ends the body of a discussion for `term`, as giscus writes it (pages/api/discussions). */
export function discussionMarker(term: string): string {
  return `<!-- sha1: ${giscusHash(term)} -->`;
}

/** The `sha1:` hashes in a discussion body (usually one). */
export function hashesIn(body: string): string[] {
  return [...body.matchAll(/<!--\s*sha1:\s*([0-9a-f]{40})\s*-->/gi)].map((m) => m[1]!.toLowerCase());
}

/**
 * Where a reader can answer on GitHub itself: the discussion when its number is known, otherwise a
 * search of the repository's discussions for the term (finds it once someone has started it).
 */
export function discussionOnGitHub(repo: string, discussion: Discussion): string {
  const base = `https://github.com/${repo}/discussions`;
  if (discussion.mapping === "number") return `${base}/${discussion.number}`;
  return `${base}?discussions_q=${encodeURIComponent(`in:title "${discussion.term}"`)}`;
}
