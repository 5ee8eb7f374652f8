// The posts as every page sees them (src/posts/post-index.ts makes them): a post is its front-matter as
// the schema normalised it (./schema.ts), plus what the build derives — its address, dates in words,
// author, tags, session, responses, body as HTML, neighbours and place in a series. What other pages
// show of a post, its summary, is a part of it.
import type { Author } from "./content.ts";
import type { EarlierResponse, RoomConversation } from "./responses.ts";
import type { PostData } from "./schema.ts";
import type { PostSession, SessionLists } from "./sessions.ts";

/** A tag as a post wrote it: the spelling and its slug (src/posts/tags.ts). */
export interface TagRef {
  label: string;
  slug: string;
}

export interface TagLink extends TagRef {
  url: string;
}

/**
 * Every field of a post's front-matter that the schema gives (a new field reaches the layouts by
 * itself), except those the build turns into something richer: the author, tags, session and place
 * in a series, and `comments`, which the site's setting decides.
 */
export interface Post extends Omit<PostData, "author" | "tags" | "session" | "series" | "part" | "comments"> {
  slug: string;
  url: string;
  /** RFC 3339 with the site's offset. */
  datetime: string;
  /** `2012-04-11` in the site's time zone. */
  day: string;
  /** "11 april 2012". */
  dateLabel: string;
  author: Author;
  tags: TagLink[];
  /** The description, or the first paragraph as plain text. */
  excerpt: string;
  session?: PostSession;
  /** Whether the post has a responses section with the live discussion (src/comments/settings.ts `commentsOn`). */
  comments: boolean;
  /** Every response known for the post (earlier ones and the discussion's), when anything is known. */
  responseCount?: number;
  /** Where that count links: the responses section, or the earlier responses when the page has no section. */
  responsesUrl?: string;
  /** The number of the post's discussion when the build learned it from GitHub (the widget then opens it by number). */
  discussionNumber?: number;
  /** A private cohort's post: its conversation in the group's room, read at build (src/comments/room.ts). */
  room?: RoomConversation;
  /** The read-only earlier responses, threaded. */
  earlierResponses: EarlierResponse[];
  /** How many earlier responses there are, replies included. */
  earlierCount: number;
  /** The dictionary key of the earlier thread's intro: imported, archived from GitHub, or both. */
  earlierIntro: "earlierIntro" | "earlierIntroArchived" | "earlierIntroMixed";
  /** In previews: the post's file in GitHub's editor, on the branch being previewed (src/write/github-editor.ts). */
  editUrl?: string;
  /** The body as HTML (Markdown rendered and sanitised by src/markdown/render.ts). */
  html: string;
  summary: PostSummary;
  previous?: PostSummary;
  next?: PostSummary;
  /** Its place in a series (src/posts/series.ts), when its front-matter names one. */
  series?: SeriesStep;
}

/**
 * What pages other than a post's own show of it: its summary on list pages, its byline and tags,
 * its neighbours' links to it, its session (the home page shows the next). The layouts render these
 * fields and no others, and the dev server compares them to know which list pages a save changed
 * (src/build/dev-server/render-plan.ts).
 */
export const summaryFields = [
  "url",
  "title",
  "draft",
  "day",
  "dateLabel",
  "author",
  "excerpt",
  "responseCount",
  "responsesUrl",
  "tags",
  "session",
] as const;
export type PostSummary = Pick<Post, (typeof summaryFields)[number]>;

/** What a post in a series shows: "Stap 3 van 23", the series, and the steps beside it. */
export interface SeriesStep {
  id: string;
  title: string;
  url: string;
  /** 1 for the first step. */
  step: number;
  total: number;
  previous?: PostSummary;
  next?: PostSummary;
}

/** A series' own page, `/series/<id>/`: its steps in order. */
export interface SeriesPage {
  id: string;
  title: string;
  description?: string;
  url: string;
  posts: Post[];
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
