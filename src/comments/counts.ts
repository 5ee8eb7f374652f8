// Response counts for list pages ("11 reacties") and the number of each post's discussion:
// GitHub's discussions of the comments category, matched to posts the way giscus matches them,
// cached briefly so the dev server and repeated builds do not ask GitHub every time. Without a
// token, or when GitHub fails, there are simply no counts — the build never fails over them.
import { discussionFor, giscusHash } from "./discussion.ts";
import { answerCache } from "../github/answer-cache.ts";
import { endpointFrom, GitHubError, graphqlClient } from "../github/client.ts";
import { categoryDiscussions, type DiscussionSummary } from "./github.ts";
import { commentsSetup } from "./settings.ts";
import type { Site } from "../model/content.ts";
import type { PostDiscussion } from "../model/responses.ts";

/** Part of the cache key: a cache written by an older query (which missed replies) is not reused. */
const CACHE_VERSION = 2;

/** A post as the counts see it: its slug and its `discussion:` override. */
export interface CountedPost {
  slug: string;
  data: { discussion?: number | string };
}

export interface LiveResponses {
  /** Comments + replies per post slug; 0 for a post whose discussion does not exist yet. Empty without counts. */
  counts: Map<string, number>;
  /** Per post slug: its count and, when its discussion exists, the discussion's number. Empty without counts. */
  discussions: Map<string, PostDiscussion>;
  /** Why there are no counts, for the build's one warning. */
  warning?: string;
}

/** The category's discussions by giscus's hash marker; the oldest carrying a hash wins (listed oldest first). */
export function byMarker(discussions: readonly DiscussionSummary[]): Map<string, DiscussionSummary> {
  const found = new Map<string, DiscussionSummary>();
  for (const d of discussions) for (const hash of d.hashes) if (!found.has(hash)) found.set(hash, d);
  return found;
}

/** Each post's discussion among the category's: by number, or by the hash of the term (giscus's strict mode). */
export function matchDiscussions(
  posts: readonly CountedPost[],
  discussions: readonly DiscussionSummary[],
): Map<string, PostDiscussion> {
  const byNumber = new Map(discussions.map((d) => [d.number, d]));
  const byHash = byMarker(discussions);
  const matched = new Map<string, PostDiscussion>();
  for (const post of posts) {
    const discussion = discussionFor(post.slug, post.data.discussion);
    if (discussion.mapping === "number") {
      matched.set(post.slug, { responses: byNumber.get(discussion.number)?.responses ?? 0, number: discussion.number });
      continue;
    }
    const found = byHash.get(giscusHash(discussion.term));
    matched.set(post.slug, found ? { responses: found.responses, number: found.number } : { responses: 0 });
  }
  return matched;
}

/** The posts' counts alone. */
export function matchResponses(
  posts: readonly CountedPost[],
  discussions: readonly DiscussionSummary[],
): Map<string, number> {
  return new Map([...matchDiscussions(posts, discussions)].map(([slug, d]) => [slug, d.responses]));
}

export interface CountOptions {
  env?: NodeJS.ProcessEnv;
  /** Project root; the cache is `.cache/` in it. */
  root?: string;
  now?: number;
}

/** The build's live counts. Needs `GITHUB_TOKEN`; `GITHUB_GRAPHQL_URL` points elsewhere than GitHub. */
export async function liveResponses(
  site: Site,
  posts: readonly CountedPost[],
  options: CountOptions = {},
): Promise<LiveResponses> {
  const { env = process.env, root = process.cwd(), now = Date.now() } = options;
  const none = (warning?: string): LiveResponses => ({
    counts: new Map(),
    discussions: new Map(),
    ...(warning ? { warning } : {}),
  });
  const setup = commentsSetup(site);
  if (setup.status !== "ready") return none();

  const leftOut = "Response counts are left out of the list pages";
  const token = env.GITHUB_TOKEN?.trim();
  if (!token)
    return none(`${leftOut}: GITHUB_TOKEN is not set (a token that can read ${setup.repo}'s discussions adds them).`);

  const endpoint = endpointFrom(env);
  const cache = answerCache<DiscussionSummary[]>(root, "responses", [
    CACHE_VERSION,
    endpoint,
    setup.repo,
    setup.categoryId,
  ]);
  let discussions = await cache.read(now);
  if (!discussions) {
    try {
      discussions = await categoryDiscussions(graphqlClient({ endpoint, token }), {
        repo: setup.repo,
        categoryId: setup.categoryId,
      });
    } catch (error) {
      // Only our own sentences are printed: they never carry the token or GitHub's raw answer.
      if (!(error instanceof GitHubError)) return none(`${leftOut}: GitHub's answer could not be read.`);
      const reason =
        error.failure === "not-found"
          ? `GitHub does not show ${setup.repo} to this token (is \`repo\` right, and may the token read it?)`
          : error.message;
      return none(`${leftOut}: ${reason}.`);
    }
    await cache.write(discussions, now);
  }
  const matched = matchDiscussions(posts, discussions);
  return { counts: new Map([...matched].map(([slug, d]) => [slug, d.responses])), discussions: matched };
}
