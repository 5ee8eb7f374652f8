// What a build renders. A build renders every page, except in the dev server after a save that
// changed only posts' bodies (or their earlier responses) and nothing that other pages show of them:
// then only those posts' pages are rendered again. The home, tag and author pages and the
// neighbours' pages on disk stay as they were, because nothing on them changed.
import type { AuthorPosts, Post, PostIndex, Tag } from "./posts.ts";
import { contentPaths } from "./content/load.ts";

export interface RenderPlan {
  /** False when only some posts' own pages are rendered. */
  everything: boolean;
  /** What the list pages show once this build is written (see `snapshot`). */
  snapshot: string;
  /** Posts whose pages this build writes. */
  posts: Post[];
  /** Posts for the home pages, and the tag and author pages: all of them, or none. */
  home: Post[];
  tags: Tag[];
  authors: AuthorPosts[];
}

/** What pages other than a post's own show of it: summaries on list pages, links from its neighbours. */
function listing(post: Post): string {
  return JSON.stringify([post.url, post.title, post.datetime, post.dateLabel, post.author.id, post.tags, post.excerpt, post.responseCount ?? null, post.draft]);
}

/** What the list pages of a build showed: every post's listing, newest first. */
export function snapshot(index: PostIndex): string {
  return index.posts.map(listing).join("\n");
}

const postFile = new RegExp(`^(?:\\./)?${contentPaths.posts}/([^/]+?)(?:\\.md|\\.comments\\.yaml)$`);

/**
 * `previous`: the snapshot of the last build that was written, if any. `changed`: the files saved
 * since then, as the dev server's watcher reported them (undefined outside the dev server).
 */
export function planRender(index: PostIndex, previous: string | undefined, changed: readonly string[] | undefined): RenderPlan {
  const now = snapshot(index);
  const everything: RenderPlan = { everything: true, snapshot: now, posts: index.posts, home: index.posts, tags: index.tags, authors: index.authors };
  if (previous === undefined || !changed?.length) return everything;
  const slugs = changed.map((file) => postFile.exec(file.replaceAll("\\", "/"))?.[1]);
  if (slugs.some((slug) => slug === undefined)) return everything;
  if (now !== previous) return everything;
  const only = new Set(slugs);
  return { everything: false, snapshot: now, posts: index.posts.filter((post) => only.has(post.slug)), home: [], tags: [], authors: [] };
}
