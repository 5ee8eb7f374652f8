// What a build renders. A build renders every page, except in the dev server after a save that
// changed only posts (or their earlier responses): then it renders the pages of the posts saved, of
// posts whose neighbours changed, and the home, tag and author pages only if what they show of a
// post changed. Everything else on disk stays as it was, because nothing on it changed.
import { postSlugOf } from "../content/paths.ts";
import type { AuthorPosts, Post, PostIndex, Tag } from "../posts/post-index.ts";

export interface RenderPlan {
  /** True when every page is rendered. */
  everything: boolean;
  /** What the pages show of the posts once this build is written, when it was compared to get here. */
  snapshot?: Snapshot;
  /** Posts whose pages this build writes. */
  posts: Post[];
  /** Posts for the home pages, and the tag and author pages: all of them, or none. */
  home: Post[];
  tags: Tag[];
  authors: AuthorPosts[];
}

/** What pages other than a post's own show of it, by slug: its summary (src/posts/post-index.ts). */
export interface Snapshot {
  /** Slugs, newest first: a post's neighbours are the slugs beside it. */
  order: string[];
  /** Each post's `summary` as JSON: every field the list pages and the neighbours' links render. */
  listings: Map<string, string>;
}

export function snapshot(index: PostIndex): Snapshot {
  return { order: index.posts.map((post) => post.slug), listings: new Map(index.posts.map((post) => [post.slug, JSON.stringify(post.summary)])) };
}

const positions = (order: readonly string[]) => new Map(order.map((slug, i) => [slug, i]));

/** A post's neighbours in `order` (newest first), as its page links them: older, then newer. */
function neighbours(order: readonly string[], position: Map<string, number>, slug: string): string {
  const at = position.get(slug);
  return at === undefined ? "" : `${order[at + 1] ?? ""}\n${order[at - 1] ?? ""}`;
}

/**
 * `previous`: what the pages written by the last build show, if there was one. `changed`: the files
 * saved since then, as the dev server's watcher reported them (undefined outside the dev server).
 */
export function planRender(index: PostIndex, previous: Snapshot | undefined, changed: readonly string[] | undefined): RenderPlan {
  const all = { home: index.posts, tags: index.tags, authors: index.authors };
  const everything: RenderPlan = { everything: true, posts: index.posts, ...all };
  if (previous === undefined || !changed?.length) return everything;
  const slugs = changed.map(postSlugOf);
  if (slugs.some((slug) => slug === undefined)) return everything;

  const now = snapshot(index);
  const saved = new Set(slugs);
  const relisted = new Set(now.order.filter((slug) => previous.listings.get(slug) !== now.listings.get(slug)));
  const listsChange = relisted.size > 0 || now.order.join("\n") !== previous.order.join("\n");
  const [was, is] = [positions(previous.order), positions(now.order)];
  const posts = index.posts.filter((post) => {
    if (saved.has(post.slug) || relisted.has(post.slug)) return true;
    const around = neighbours(now.order, is, post.slug);
    return around !== neighbours(previous.order, was, post.slug) || around.split("\n").some((slug) => relisted.has(slug));
  });
  if (!listsChange) return { everything: false, snapshot: now, posts, home: [], tags: [], authors: [] };
  return { everything: posts.length === index.posts.length, snapshot: now, posts, ...all };
}
