// The posts as every page sees them: one pass over the validated content model, then grouped once
// into tags and authors (never a filter per tag). Posts are not Eleventy templates; their pages are
// rendered from this index (src/build/routes.ts), which is why a build of 4,000 posts costs what bare
// Eleventy's does rather than twice as much.
import type { Author, Content, PostEntry, Site } from "../content/load.ts";
import { isListed } from "../content/visibility.ts";
import type { PostDiscussion } from "../comments/counts.ts";
import { earlierIntroKey, earlierThread, shownEarlier, type EarlierResponse } from "../comments/earlier.ts";
import { sectionShown } from "../comments/section.ts";
import { commentsOn } from "../comments/settings.ts";
import { isoDateTime, isoDay, longDate, parseSiteDate } from "../model/calendar.ts";
import { localeOf, messages } from "../i18n/index.ts";
import { authorUrl, postUrl, tagUrl } from "../build/routes.ts";
import { isUpcoming, sessionLists, type SessionLists } from "../sessions/next.ts";
import { deriveSession, type Session } from "../sessions/session.ts";
import { editLink } from "../write/github-editor.ts";
import { renderBodies, type Bodies } from "./bodies.ts";
import { groupSeries, type SeriesPage, type SeriesStep, type StepData } from "./series.ts";
import { tagRefs, tagSpellings, type TagRef } from "./tags.ts";

export interface TagLink extends TagRef {
  url: string;
}

/** A post's session in this build: when and where (src/sessions/session.ts), and whether it is still to come. */
export interface PostSession extends Session {
  /** Its last day has not ended at the build's moment (src/sessions/next.ts). */
  upcoming: boolean;
  /** The first upcoming session of the site: the home page shows it. */
  next: boolean;
}

/** What list pages show of a post's session: the home page's next meeting. */
export type SessionSummary = Pick<PostSession, "label" | "datetime" | "location" | "title" | "calendar" | "upcoming" | "next">;

/**
 * What pages other than a post's own show of it: its summary on list pages, its byline and tags,
 * its neighbours' links to it. The layouts render these fields and no others, and the dev server
 * compares them to know which list pages a save changed (src/build/dev-server/render-plan.ts).
 */
export interface PostSummary {
  url: string;
  title: string;
  draft: boolean;
  /** `2012-04-11` in the site's time zone. */
  day: string;
  /** "11 april 2012". */
  dateLabel: string;
  author: { name: string; page: string };
  excerpt: string;
  /** Every response known for the post (earlier ones and the discussion's), when anything is known. */
  responseCount?: number;
  /** Where that count links: the responses section, or the earlier responses when the page has no section. */
  responsesUrl?: string;
  tags: TagLink[];
  /** Its session, when it prepares one (the home page shows the next; a change re-renders it in the dev server). */
  session?: SessionSummary;
}

export interface Post {
  slug: string;
  url: string;
  title: string;
  date: Date;
  /** RFC 3339 with the site's offset. */
  datetime: string;
  author: Author;
  tags: TagLink[];
  excerpt: string;
  questions: string[];
  session?: PostSession;
  /** Whether the post has a responses section with the live discussion (src/comments/settings.ts `commentsOn`). */
  comments: boolean;
  /** Front-matter `discussion:`: an existing discussion's number, or the term to find it by. */
  discussion?: number | string;
  /** The number of the post's discussion when the build learned it from GitHub (the widget then opens it by number). */
  discussionNumber?: number;
  /** The read-only earlier responses, threaded. */
  earlierResponses: EarlierResponse[];
  /** How many earlier responses there are, replies included. */
  earlierCount: number;
  /** The dictionary key of the earlier thread's intro: imported, archived from GitHub, or both. */
  earlierIntro: ReturnType<typeof earlierIntroKey>;
  /** In previews: the post's file in GitHub's editor, on the branch being previewed (src/write/github-editor.ts). */
  editUrl?: string;
  draft: boolean;
  /** The body as HTML (Markdown rendered and sanitised by src/markdown/render.ts). */
  html: string;
  summary: PostSummary;
  previous?: PostSummary;
  next?: PostSummary;
  /** Its place in a series (src/posts/series.ts), when its front-matter names one. */
  series?: SeriesStep;
}

export interface Tag extends TagLink {
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
  /** The posts with a session: upcoming (soonest first), past (most recent first), the next one. */
  sessions: SessionLists<Post>;
  /** The series with steps in this build, in the order of series.yaml. */
  series: SeriesPage[];
}

/** What the index keeps from one build to the next, keyed by a post's file and version. */
export interface IndexCaches {
  bodies: Bodies;
  /** A post's dates and tags as read in the site's time zone and language. */
  derived: Map<string, { key: string; derived: Derived }>;
}

type Derived = Pick<Post, "date" | "datetime"> & Pick<PostSummary, "day" | "dateLabel"> & { tags: TagRef[]; session?: Session };

function derive(entry: PostEntry, site: Site, cache: IndexCaches["derived"]): Derived {
  const key = `${entry.version}\0${site.timezone}\0${site.lang}`;
  const known = cache.get(entry.file);
  if (known?.key === key) return known.derived;
  const { data } = entry;
  const tz = site.timezone;
  const date = parseSiteDate(data.date.trim(), tz);
  const derived: Derived = {
    date,
    day: isoDay(date, tz),
    datetime: isoDateTime(date, tz),
    dateLabel: longDate(date, site.lang, tz),
    tags: tagRefs(data.tags),
    ...(data.session ? { session: deriveSession(data.session, entry.slug, site) } : {}),
  };
  cache.set(entry.file, { key, derived });
  return derived;
}

const sessionSummary = ({ label, datetime, location, title, calendar, upcoming, next }: PostSession): SessionSummary => ({
  label, datetime, calendar, upcoming, next, ...(location ? { location } : {}), ...(title ? { title } : {}),
});

/** Newest first; on the same instant by slug, so the order never depends on the file system. */
export const newestFirst = (a: { date: Date; slug: string }, b: { date: Date; slug: string }) =>
  b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);

/** What a list page shows after a post ("11 reacties"): undefined when nothing is known, so nothing rather than 0. */
function responseCount(live: number | undefined, earlier: number): number | undefined {
  return live === undefined && !earlier ? undefined : (live ?? 0) + earlier;
}

/**
 * The index of the posts this build lists (src/content/visibility.ts). `live`: what GitHub says of
 * each post's discussion, by slug, when the build could ask it (src/comments/).
 */
export function indexPosts(content: Content, live: ReadonlyMap<string, PostDiscussion>, caches: IndexCaches): PostIndex {
  const { site, authors } = content;
  const entries = content.posts.filter((entry) => isListed(entry.data, site.build));
  const bodies = renderBodies(entries, messages(site.lang), site.lang, caches.bodies);
  const read = entries.map((entry) => ({ entry, slug: entry.slug, ...derive(entry, site, caches.derived) })).sort(newestFirst);
  const spellings = tagSpellings(read);

  // The next session is the first upcoming one: found before the posts are made, so each knows.
  const next = sessionLists(read, site.now).next?.slug;
  const posts = read.map(({ entry, slug, tags: refs, ...derived }): Post => {
    const { data } = entry;
    const author = authors[data.author]!;
    const tags = refs.map(({ slug: tag }) => ({ slug: tag, label: spellings.get(tag)!, url: tagUrl(tag) }));
    const url = postUrl(slug);
    const title = data.title.trim();
    const draft = data.draft ?? false;
    const discussion = live.get(slug);
    const comments = commentsOn(data, site);
    const earlier = shownEarlier(entry.earlierResponses, comments);
    const count = responseCount(discussion?.responses, earlier.length);
    const editUrl = editLink(site, entry.file);
    const responsesUrl = `${url}#${sectionShown(comments, site) ? "reacties" : "eerdere-reacties"}`;
    const session: PostSession | undefined = derived.session && { ...derived.session, upcoming: isUpcoming(derived.session, site.now), next: slug === next };
    return {
      slug, url, title, date: derived.date, datetime: derived.datetime, author, tags,
      excerpt: entry.excerpt,
      questions: data.questions ?? [],
      ...(session ? { session } : {}),
      comments,
      ...(data.discussion !== undefined ? { discussion: data.discussion } : {}),
      ...(discussion?.number !== undefined ? { discussionNumber: discussion.number } : {}),
      earlierResponses: earlierThread(earlier, site),
      earlierCount: earlier.length,
      earlierIntro: earlierIntroKey(earlier),
      ...(editUrl ? { editUrl } : {}),
      draft,
      html: bodies.get(entry.file)!,
      summary: {
        url, title, draft, day: derived.day, dateLabel: derived.dateLabel, author: { name: author.name, page: author.page },
        excerpt: entry.excerpt, ...(count !== undefined ? { responseCount: count, responsesUrl } : {}), tags,
        ...(session ? { session: sessionSummary(session) } : {}),
      },
    };
  });

  const steps = new Map<Post, StepData>(posts.map((post, i) => [post, { series: read[i]!.entry.data.series, part: read[i]!.entry.data.part }]));
  const series = groupSeries(posts, steps, content.series);

  const tags = new Map<string, Tag>();
  const byAuthor = new Map<string, AuthorPosts>();
  posts.forEach((post, i) => {
    post.next = posts[i - 1]?.summary;
    post.previous = posts[i + 1]?.summary;
    for (const ref of post.tags) {
      const tag = tags.get(ref.slug) ?? { ...ref, posts: [] };
      tag.posts.push(post);
      tags.set(ref.slug, tag);
    }
    const group = byAuthor.get(post.author.id) ?? { author: post.author, url: authorUrl(post.author.id), posts: [] };
    group.posts.push(post);
    byAuthor.set(post.author.id, group);
  });
  const collator = new Intl.Collator(localeOf(site.lang).tag);
  return {
    sessions: sessionLists(posts, site.now),
    posts,
    tags: [...tags.values()].sort((a, b) => collator.compare(a.label, b.label)),
    authors: [...byAuthor.values()].sort((a, b) => collator.compare(a.author.name, b.author.name)),
    series,
  };
}
