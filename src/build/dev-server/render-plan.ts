// What a build renders. A build renders every page, except in the dev server after a save that
// changed only posts (or their earlier responses): then it renders the pages of the posts saved, of
// posts whose neighbours changed, and the home, tag and author pages only if what they show of a
// post changed. Everything else on disk stays as it was, because nothing on it changed.
import { postSlugOf } from "../../model/paths.ts";
import type { AuthorPosts, Post, PostIndex, Tag, SeriesPage } from "../../model/posts.ts";

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
  series: SeriesPage[];
}

/** What pages other than a post's own show of it, by slug: its summary (src/posts/post-index.ts). */
export interface Snapshot {
  /** Slugs, newest first: a post's neighbours are the slugs beside it. */
  order: string[];
  /** Each post's `summary` as JSON: every field the list pages and the neighbours' links render. */
  listings: Map<string, string>;
  /** Each post's place in its series ("Stap 3 van 23" and the steps beside it, by slug), as JSON. */
  steps: Map<string, string>;
}

/** A post's place in its series, with its neighbours named by address (their summaries are compared in `listings`). */
const stepOf = (post: Post) =>
  post.series
    ? JSON.stringify([
        post.series.id,
        post.series.title,
        post.series.step,
        post.series.total,
        post.series.previous?.url,
        post.series.next?.url,
      ])
    : "";

export function snapshot(index: PostIndex): Snapshot {
  return {
    order: index.posts.map((post) => post.slug),
    listings: new Map(index.posts.map((post) => [post.slug, JSON.stringify(post.summary)])),
    steps: new Map(index.posts.map((post) => [post.slug, stepOf(post)])),
  };
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
export function planRender(
  index: PostIndex,
  previous: Snapshot | undefined,
  changed: readonly string[] | undefined,
): RenderPlan {
  const all = { home: index.posts, tags: index.tags, authors: index.authors, series: index.series };
  const everything: RenderPlan = { everything: true, posts: index.posts, ...all };
  if (previous === undefined || !changed?.length) return everything;
  const slugs = changed.map(postSlugOf);
  if (slugs.some((slug) => slug === undefined)) return everything;

  const now = snapshot(index);
  const saved = new Set(slugs);
  const relisted = new Set(now.order.filter((slug) => previous.listings.get(slug) !== now.listings.get(slug)));
  const restepped = new Set(now.order.filter((slug) => previous.steps.get(slug) !== now.steps.get(slug)));
  const listsChange = relisted.size > 0 || restepped.size > 0 || now.order.join("\n") !== previous.order.join("\n");
  // A step's page links the steps beside it: their titles are in `relisted`.
  const stepNeighbourChanged = (post: Post) =>
    [post.series?.previous?.url, post.series?.next?.url].some((url) => url !== undefined && relistedUrls.has(url));
  const relistedUrls = new Set(index.posts.filter((post) => relisted.has(post.slug)).map((post) => post.url));
  const [was, is] = [positions(previous.order), positions(now.order)];
  const posts = index.posts.filter((post) => {
    if (saved.has(post.slug) || relisted.has(post.slug) || restepped.has(post.slug) || stepNeighbourChanged(post))
      return true;
    const around = neighbours(now.order, is, post.slug);
    return (
      around !== neighbours(previous.order, was, post.slug) || around.split("\n").some((slug) => relisted.has(slug))
    );
  });
  if (!listsChange) return { everything: false, snapshot: now, posts, home: [], tags: [], authors: [], series: [] };
  return { everything: posts.length === index.posts.length, snapshot: now, posts, ...all };
}
