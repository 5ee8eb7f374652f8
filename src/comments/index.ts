// Comments in GitHub Discussions through giscus, as the build sees them: the settings checked once
// per build, the response counts fetched once and attached to the posts, the section per post.
import type { Content } from "../content/load.ts";
import type { Post } from "../posts.ts";
import { liveResponses, type CountOptions } from "./counts.ts";
import { setupWarning } from "./settings.ts";

export { commentsSection, type CommentsSection } from "./section.ts";

/**
 * The number a list page shows after a post ("11 reacties"): every response known for it.
 * Undefined when nothing is known (no counts from GitHub), so the page shows nothing rather than 0.
 */
export function responseCount(post: Pick<Post, "liveResponses"> & Partial<Pick<Post, "archivedCount">>): number | undefined {
  // Earlier responses (src/archived.ts) are known from the content itself, with or without GitHub.
  const known = [post.liveResponses, post.archivedCount || undefined].filter((n): n is number => n !== undefined);
  return known.length ? known.reduce((sum, n) => sum + n, 0) : undefined;
}

/** Sets `liveResponses` and `responseCount` on the posts: the one place they are set. */
export function attachResponses(posts: readonly Post[], live: ReadonlyMap<string, number>): void {
  for (const post of posts) {
    const count = live.get(post.slug);
    if (count !== undefined) post.liveResponses = count;
    const total = responseCount(post);
    if (total !== undefined) post.responseCount = total;
  }
}

// The dev server rebuilds on every save; a warning that does not change is printed once.
const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[hoedoededa] ${message}`);
}

/** The build's comment step: one warning when comments are not set up, the live counts when they are. */
export async function prepareComments(content: Content, options: CountOptions = {}): Promise<ReadonlyMap<string, number>> {
  const setup = setupWarning(content.site);
  if (setup) warnOnce(setup);
  const live = await liveResponses(content.site, content.posts, options);
  if (live.warning) warnOnce(live.warning);
  return live.counts;
}
