// Which GitHub Discussion belongs to a post, decided once here for the widget, the fallback links,
// the build-time counts and `npm run discussions`, so all of them always point at the same
// conversation — and a discussion the command creates is the one giscus finds.
import { createHash } from "node:crypto";
import type { PostData } from "../model/schema.ts";
import { messages } from "../i18n/index.ts";
import { deriveSession } from "../sessions/session.ts";
import { postUrl } from "../model/urls.ts";
import type { Site } from "../model/content.ts";

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
  if (typeof override === "string" && override) return { mapping: "specific", term: override };
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

/** What `npm run discussions` announces of a post. */
export interface AnnouncedPost {
  slug: string;
  data: Pick<PostData, "title" | "description" | "questions" | "session">;
  /** The post's Markdown: a private cohort's discussion carries it (see `newDiscussion`). */
  body?: string;
}

// Markdown's own characters in front-matter text are meant literally.
const literal = (text: string) =>
  text
    .replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)
    .replace(/\s+/g, " ")
    .trim();

/**
 * A new discussion for a post: titled with the term, as giscus titles the discussions it creates
 * (so its strict search and our counts find it by the marker), with a body written for whoever
 * gets GitHub's notification e-mail — the post as a link, its description, its questions, the
 * session — and giscus's marker as its last line. A private site's post in a public repository (a
 * site set up before its conversation moved) gets only the title and the link, since the rest is for
 * the group alone; in the group's private repository (`room`) it carries the post itself, so a
 * participant can read and answer from the e-mail.
 */
export function newDiscussion(
  post: AnnouncedPost,
  site: Pick<Site, "url" | "lang" | "timezone" | "private">,
  options: { room?: boolean } = {},
): { title: string; body: string } {
  const discussion = discussionFor(post.slug);
  if (discussion.mapping !== "specific") throw new Error("a post with a discussion number needs no new discussion");
  const t = messages(site.lang);
  const { title, description, questions = [], session } = post.data;
  const parts = [`# [${literal(title)}](${site.url}${postUrl(post.slug)})`];
  const room = site.private === true && options.room === true;
  if (site.private === true && !room)
    return {
      title: discussion.term,
      body: [...parts, t.discussionOfPrivatePost, discussionMarker(discussion.term)].join("\n\n"),
    };
  if (room && post.body?.trim()) parts.push(absoluteLinks(post.body.trim(), site.url));
  else if (description) parts.push(literal(description));
  if (questions.length)
    parts.push(`**${t.questions}**`, questions.map((q) => `- ${literal(q)}`).join("\n"), t.questionsIntro);
  if (session) {
    // The session's label as its post shows it (src/sessions/session.ts), end time included.
    const when = deriveSession(session, post.slug, site).label;
    const where = session.location ? `\n${t.sessionWhere}: ${literal(session.location)}` : "";
    parts.push(`**${t.session}**\n${t.sessionWhen}: ${when}${where}`);
  }
  parts.push(discussionMarker(discussion.term));
  return { title: discussion.term, body: parts.join("\n\n") };
}

/** The post's own Markdown for an e-mail: its links to the site (`/posts/x/`, `/img/y.jpg`) made whole. */
function absoluteLinks(markdown: string, siteUrl: string): string {
  if (!siteUrl) return markdown;
  return markdown.replace(/(\]\(|\bsrc="|\bhref=")\/(?!\/)/g, `$1${siteUrl}/`);
}
