// The posts as every page sees them: one pass over the validated content model, then grouped once
// into tags and authors (never a filter per tag). Posts are not Eleventy templates; their pages are
// rendered from this index (src/pages.ts), which is why a build of 4,000 posts costs what bare
// Eleventy's does rather than twice as much.
import { isCalendarDay, isoDateTime, isoDay, longDate, parseSiteDate, sessionDate } from "./dates.ts";
import type { Author, Content, PostEntry, Site } from "./content/load.ts";
import type { PostData } from "./content/schema.ts";
import { archivedThread, type ArchivedComment } from "./archived.ts";
import { renderBodies } from "./bodies.ts";
import { slugify } from "./slug.ts";
import { authorUrl, postUrl, tagUrl } from "./urls.ts";

export interface TagRef {
  label: string;
  slug: string;
  url: string;
}

export interface Session {
  /** "donderdag 12 april 2012" or with a time "donderdag 12 april 2012, 13:30". */
  label: string;
  /** For `<time datetime>`. */
  datetime: string;
  location?: string;
}

export interface Post {
  slug: string;
  url: string;
  title: string;
  date: Date;
  /** `2012-04-11` in the site's time zone. */
  day: string;
  /** RFC 3339 with the site's offset. */
  datetime: string;
  /** "11 april 2012". */
  dateLabel: string;
  author: Author;
  tags: TagRef[];
  description?: string;
  excerpt: string;
  questions: string[];
  session?: Session;
  comments: boolean;
  discussion?: number | string;
  /** Earlier responses kept from an old blog, threaded (src/archived.ts); shown read-only. */
  archived: ArchivedComment[];
  /** How many earlier responses there are, replies included. */
  archivedCount: number;
  /** Comments + replies in the post's GitHub Discussion, when the build could ask (src/comments/). */
  liveResponses?: number;
  /** What list pages show: all responses known for the post (src/comments/index.ts `responseCount`). */
  responseCount?: number;
  draft: boolean;
  /** The body as HTML (Markdown rendered and sanitised by src/markdown.ts). */
  html: string;
  previous?: Post;
  next?: Post;
}

export interface Tag extends TagRef {
  posts: Post[];
}

export interface AuthorPosts {
  author: Author;
  url: string;
  posts: Post[];
}

export interface PostIndex {
  /** Newest first. */
  posts: Post[];
  /** Sorted by label; tags that differ only in case or accents are one tag. */
  tags: Tag[];
  authors: AuthorPosts[];
}


/** What a post's front-matter says once read in the site's time zone and language. */
type Derived = Pick<Post, "date" | "day" | "datetime" | "dateLabel" | "tags" | "session">;

/**
 * By front-matter object: validation hands out the same object until the file changes, so the dev
 * server works out dates and tag slugs again only for the posts that changed.
 */
const derivedCache = new WeakMap<PostData, { site: string; derived: Derived }>();

function derive(data: PostData, site: Site): Derived {
  const key = `${site.timezone}\0${site.lang}`;
  const known = derivedCache.get(data);
  if (known?.site === key) return known.derived;
  const tz = site.timezone;
  const date = parseSiteDate(data.date.trim(), tz);
  const session = data.session && parseSiteDate(data.session.date.trim(), tz);
  const tags = [...new Map((data.tags ?? []).map((label) => [slugify(label), label.trim()])).entries()]
    .filter(([slug]) => slug)
    .map(([slug, label]) => ({ label, slug, url: tagUrl(slug) }));
  const derived: Derived = {
    date,
    day: isoDay(date, tz),
    datetime: isoDateTime(date, tz),
    dateLabel: longDate(date, site.lang, tz),
    tags,
    ...(data.session && session
      ? {
          session: {
            label: sessionDate(session, site.lang, tz, !isCalendarDay(data.session.date.trim())),
            datetime: isCalendarDay(data.session.date.trim()) ? isoDay(session, tz) : isoDateTime(session, tz),
            ...(data.session.location ? { location: data.session.location } : {}),
          },
        }
      : {}),
  };
  derivedCache.set(data, { site: key, derived });
  return derived;
}

function toPost(entry: PostEntry, html: string, content: Content): Post {
  const { site, authors } = content;
  const { data } = entry;
  const derived = derive(data, site);
  return {
    slug: entry.slug,
    url: postUrl(entry.slug),
    title: data.title.trim(),
    ...derived,
    author: authors[data.author]!,
    ...(data.description ? { description: data.description.trim() } : {}),
    excerpt: entry.excerpt,
    questions: data.questions ?? [],
    comments: data.comments ?? true,
    ...(data.discussion !== undefined ? { discussion: data.discussion } : {}),
    archived: archivedThread(entry.archived, site),
    archivedCount: entry.archived.length,
    draft: data.draft ?? false,
    html,
  };
}

/** Builds the index from the content model; drafts are left out unless this build shows them. */
export function indexPosts(content: Content): PostIndex {
  const entries = content.posts.filter((entry) => !entry.data.draft || content.site.build.showDrafts);
  const bodies = renderBodies(entries);
  const posts = entries
    .map((entry) => toPost(entry, bodies.get(entry.file)!.html, content))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug));

  const tags = new Map<string, Tag>();
  const byAuthor = new Map<string, AuthorPosts>();
  posts.forEach((post, i) => {
    post.next = posts[i - 1];
    post.previous = posts[i + 1];
    for (const ref of post.tags) {
      const tag = tags.get(ref.slug) ?? { ...ref, posts: [] };
      tag.posts.push(post);
      tags.set(ref.slug, tag);
    }
    const group = byAuthor.get(post.author.id) ?? { author: post.author, url: authorUrl(post.author.id), posts: [] };
    group.posts.push(post);
    byAuthor.set(post.author.id, group);
  });
  // One spelling per tag everywhere: the one most posts use ("Reflectie" over a lone "reflectie").
  for (const tag of tags.values()) {
    const spellings = new Map<string, number>();
    for (const post of tag.posts) {
      const label = post.tags.find((ref) => ref.slug === tag.slug)!.label;
      spellings.set(label, (spellings.get(label) ?? 0) + 1);
    }
    tag.label = [...spellings.entries()].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  }
  for (const post of posts) post.tags = post.tags.map((ref) => ({ label: tags.get(ref.slug)!.label, slug: ref.slug, url: ref.url }));
  const collator = new Intl.Collator(content.site.lang);
  return {
    posts,
    tags: [...tags.values()].sort((a, b) => collator.compare(a.label, b.label)),
    authors: [...byAuthor.values()].sort((a, b) => collator.compare(a.author.name, b.author.name)),
  };
}
