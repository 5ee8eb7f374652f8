// What the comments section under a post shows in this build, prepared for
// layouts/pages/post.njk: the widget's settings as data-* attributes (no inline script under
// a strict CSP), a private cohort's conversation read at build (its "room", src/comments/room.ts;
// never the widget: giscus.app would show a private repository's discussions to anyone), a setup
// explanation, a preview notice, or nothing.
import { messages } from "../i18n/index.ts";
import { discussionFor, discussionMarker, discussionOnGitHub } from "./discussion.ts";
import { shortDateTime } from "../i18n/dates.ts";
import type { RoomConversation } from "../model/responses.ts";
import { commentsSetup } from "./settings.ts";
import type { Site } from "../model/content.ts";

/** The post fields the section needs. */
export interface CommentedPost {
  slug: string;
  url: string;
  title: string;
  comments: boolean;
  draft: boolean;
  discussion?: number | string;
  /** A private cohort's: the conversation the build read. */
  room?: RoomConversation;
}

export type ResponsesSection =
  | { kind: "none" }
  /** Development without settings: what to fill in, and where. */
  | { kind: "setup"; missing: string[]; example: string }
  /** A preview without a preview category: comment on the live post instead. */
  | { kind: "preview-off"; liveUrl: string }
  | {
      kind: "widget";
      /** `data-*` attributes of the section (names without `data-`), read by src/client/. */
      data: Record<string, string>;
      /** Where to answer without the widget: no JavaScript, giscus blocked or failing. */
      onGitHub: string;
    }
  /**
   * A private cohort's conversation, as the build read it from its private repository (`post.room`);
   * `onGitHub` is where the group responds, `start` how to open a discussion that does not exist yet.
   */
  | { kind: "room"; onGitHub: string; start?: string; updated: string; unread?: true };

/** What the filled-in fields look like (the ids come from https://giscus.app). */
const examples = {
  repo: "organisatie/leergang-reacties",
  repoId: "R_kgDO…",
  category: "Reacties",
  categoryId: "DIC_kwDO…",
};

/** The live address of a post seen in a preview; the live home page for a draft (not live yet). */
function liveUrl(post: CommentedPost, site: Site): string {
  const base = site.build.productionUrl ?? site.url;
  return `${base}${post.draft ? "/" : post.url}`;
}

/**
 * Whether a post page has a responses section (`#reacties`) in this build: not when the post or the
 * site switched it off, nor in production while giscus is not set up. List pages link their count
 * there, or else to the earlier responses.
 */
export function sectionShown(comments: boolean, site: Site): boolean {
  const { status } = commentsSetup(site);
  return comments && status !== "off" && (status !== "missing" || site.build.mode === "development");
}

/**
 * `knownNumber`: the number of the post's discussion when the build learned it from GitHub
 * (src/comments/counts.ts); the widget then reads that discussion directly (`mapping: number`).
 */
export function responsesSection(
  post: CommentedPost,
  site: Site,
  knownNumber?: number,
  /** `roomUnread`: this build could not read a private cohort's room (no token, GitHub failing). */
  build: { roomUnread?: boolean } = {},
): ResponsesSection {
  if (!sectionShown(post.comments, site)) return { kind: "none" };
  const setup = commentsSetup(site);
  // `off` is ruled out above; the check tells TypeScript so.
  if (setup.status === "off") return { kind: "none" };
  // Missing settings still show here only while developing: what to fill in.
  if (setup.status === "missing") {
    const example = [
      "giscus:",
      ...setup.fields.map((field) => `  ${field}: ${examples[field as keyof typeof examples]}`),
    ].join("\n");
    return { kind: "setup", missing: setup.fields, example };
  }
  // A private cohort's room: the live category's conversation, in previews too (it is read, not written).
  if (site.private === true) {
    const live = commentsSetup({
      ...site,
      build: { ...site.build, mode: "production", context: "production", preview: false },
    });
    if (live.status === "ready") {
      if (build.roomUnread)
        return {
          kind: "room",
          onGitHub: `https://github.com/${live.repo}/discussions`,
          updated: shortDateTime(site.now, site.lang, site.timezone),
          unread: true,
        };
      return roomSection(post, site, live.repo, live.category, knownNumber);
    }
  }
  if (setup.status === "preview-off") return { kind: "preview-off", liveUrl: liveUrl(post, site) };

  const discussion = discussionFor(post.slug, post.discussion, knownNumber);
  const headings = messages(site.lang).responsesHeadings(post.title);
  return {
    kind: "widget",
    onGitHub: discussionOnGitHub(setup.repo, discussion),
    data: {
      // The widget's settings, named as giscus's own client.js names them.
      repo: setup.repo,
      "repo-id": setup.repoId,
      category: setup.category,
      "category-id": setup.categoryId,
      mapping: discussion.mapping,
      term: discussion.mapping === "number" ? String(discussion.number) : discussion.term,
      strict: "1",
      "reactions-enabled": setup.reactions ? "1" : "0",
      "emit-metadata": "1",
      "input-position": setup.inputPosition,
      lang: site.lang,
      // The heading once giscus reports the count; `{n}` is filled in by the browser.
      "heading-none": headings.none,
      "heading-one": headings.one,
      "heading-many": headings.many,
      "frame-title": messages(site.lang).responsesTitle,
    },
  };
}

/** A category's address on GitHub (its name lower-cased, other signs as hyphens: GitHub's slug). */
const categorySlug = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function roomSection(
  post: CommentedPost,
  site: Site,
  repo: string,
  category: string,
  knownNumber?: number,
): ResponsesSection {
  const updated = shortDateTime(site.now, site.lang, site.timezone);
  if (post.room) return { kind: "room", onGitHub: post.room.url, updated };
  const discussion = discussionFor(post.slug, post.discussion, knownNumber);
  if (discussion.mapping === "number") return { kind: "room", onGitHub: discussionOnGitHub(repo, discussion), updated };
  // No discussion yet (`npm run discussions` opens one at publish; it did not run, or failed): a link
  // for the facilitator — in an Announcement category only maintainers start one — to a new one,
  // titled and marked as that command would make it, so the counts and this page find it (GitHub
  // fills in a new discussion from these). Participants' button goes to the room's discussions.
  const body = `[${post.title}](${site.url}${post.url})\n\n${discussionMarker(discussion.term)}`;
  const start = `https://github.com/${repo}/discussions/new?${new URLSearchParams({ category: categorySlug(category), title: discussion.term, body })}`;
  return { kind: "room", onGitHub: `https://github.com/${repo}/discussions`, start, updated };
}
