// The posts as every page sees them: one pass over the validated content model, then grouped once
// into tags and authors (never a filter per tag). Posts are not Eleventy templates; their pages are
// rendered from this index (src/build/routes.ts), which is why a build of 4,000 posts costs what bare
// Eleventy's does rather than twice as much.
import { isListed } from "../content/visibility.ts";
import { earlierIntroKey, earlierThread, shownEarlier } from "../comments/earlier.ts";
import { sectionShown } from "../comments/section.ts";
import { commentsOn } from "../comments/settings.ts";
import { isoDateTime, isoDay, parseSiteDate } from "../model/calendar.ts";
import { messages } from "../i18n/index.ts";
import { isUpcoming, nextFromBySlug, sessionLists } from "../sessions/next.ts";
import { deriveSession } from "../sessions/session.ts";
import { editLink } from "../write/github-editor.ts";
import { renderBodies, type Bodies } from "./bodies.ts";
import { groupSeries, type StepData } from "./series.ts";
import { tagRefs, tagSpellings } from "./tags.ts";
import { localeOf } from "../model/languages.ts";
import { authorUrl, postUrl, tagUrl } from "../model/urls.ts";
import { longDate } from "../i18n/dates.ts";
import type { Author, Content, PostEntry, Site } from "../model/content.ts";
import type { SessionLists, Session } from "../model/sessions.ts";
import type { PostDiscussion, EarlierResponse } from "../model/responses.ts";
import type { SeriesPage, SeriesStep, TagRef } from "../model/posts.ts";
import {
  summaryFields,
  type AuthorPosts,
  type Post,
  type PostIndex,
  type PostSummary,
  type Tag,
} from "../model/posts.ts";
import type { PostSession } from "../model/sessions.ts";

/** What the index keeps from one build to the next, keyed by a post's file and version. */
export interface IndexCaches {
  bodies: Bodies;
  /** A post's dates and tags as read in the site's time zone and language. */
  derived: Map<string, { key: string; derived: Derived }>;
}

type Derived = Pick<Post, "datetime" | "day" | "dateLabel"> & { tags: TagRef[]; session?: Session };

function derive(entry: PostEntry, site: Site, cache: IndexCaches["derived"]): Derived {
  const key = `${entry.version}\0${site.timezone}\0${site.lang}`;
  const known = cache.get(entry.file);
  if (known?.key === key) return known.derived;
  const { data } = entry;
  const tz = site.timezone;
  const { date } = data;
  const derived: Derived = {
    day: isoDay(date, tz),
    datetime: isoDateTime(date, tz),
    dateLabel: longDate(date, site.lang, tz),
    tags: tagRefs(data.tags),
    ...(data.session ? { session: deriveSession(data.session, entry.slug, site) } : {}),
  };
  cache.set(entry.file, { key, derived });
  return derived;
}

/** What other pages show of a post (src/model/posts.ts `summaryFields`): only the fields it has. */
function summaryOf(post: Post): PostSummary {
  const summary: Partial<Record<(typeof summaryFields)[number], unknown>> = {};
  for (const field of summaryFields) if (post[field] !== undefined) summary[field] = post[field];
  return summary as PostSummary;
}

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
export function indexPosts(
  content: Content,
  live: ReadonlyMap<string, PostDiscussion>,
  caches: IndexCaches,
): PostIndex {
  const { site, authors } = content;
  const entries = content.posts.filter((entry) => isListed(entry.data, site.build));
  const bodies = renderBodies(entries, messages(site.lang), site.lang, caches.bodies);
  const read = entries
    .map((entry) => ({ entry, slug: entry.slug, date: entry.data.date, ...derive(entry, site, caches.derived) }))
    .sort(newestFirst);
  const spellings = tagSpellings(read);

  // The next session is the first upcoming one: found before the posts are made, so each knows.
  const next = sessionLists(read, site.now).next?.slug;
  const nextFrom = nextFromBySlug(read);
  const posts = read.map(({ entry, slug, tags: refs, ...derived }): Post => {
    const { data } = entry;
    // What the build turns into something richer; every other field goes onto the post as the schema gave it.
    const {
      author: authorId,
      tags: _tags,
      session: _session,
      series: _series,
      part: _part,
      comments: _comments,
      ...fields
    } = data;
    const author = authors[authorId]!;
    const tags = refs.map(({ slug: tag }) => ({ slug: tag, label: spellings.get(tag)!, url: tagUrl(tag) }));
    const url = postUrl(slug);
    const discussion = live.get(slug);
    const comments = commentsOn(data, site);
    const earlier = shownEarlier(entry.earlierResponses, comments);
    const count = responseCount(discussion?.responses, earlier.length);
    const editUrl = editLink(site, entry.file);
    const responsesUrl = `${url}#${sectionShown(comments, site) ? "reacties" : "eerdere-reacties"}`;
    const from = nextFrom.get(slug);
    const session: PostSession | undefined = derived.session && {
      ...derived.session,
      upcoming: isUpcoming(derived.session, site.now),
      next: slug === next,
      until: derived.session.dayEnds.toISOString(),
      ...(from ? { nextFrom: from.toISOString() } : {}),
    };
    const post: Omit<Post, "summary"> = {
      slug,
      url,
      datetime: derived.datetime,
      day: derived.day,
      dateLabel: derived.dateLabel,
      author,
      tags,
      excerpt: entry.excerpt,
      ...(session ? { session } : {}),
      comments,
      ...(count !== undefined ? { responseCount: count, responsesUrl } : {}),
      ...(discussion?.number !== undefined ? { discussionNumber: discussion.number } : {}),
      ...(discussion?.room ? { room: discussion.room } : {}),
      earlierResponses: earlierThread(earlier, site),
      earlierCount: earlier.length,
      earlierIntro: earlierIntroKey(earlier),
      ...(editUrl ? { editUrl } : {}),
      html: bodies.get(entry.file)!,
      // Last, not first: a literal that starts with a spread is built by copying that object and adding
      // every property after it, and 4,000 such posts made each edit in the dev server 0.08 s slower
      // (0.27 s against 0.19 s, docs/performance.md).
      ...fields,
    };
    return Object.assign(post, { summary: summaryOf(post as Post) });
  });

  const steps = new Map<Post, StepData>(
    posts.map((post, i) => [post, { series: read[i]!.entry.data.series, part: read[i]!.entry.data.part }]),
  );
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
