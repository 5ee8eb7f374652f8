// Response counts for list pages ("11 reacties"): GitHub's discussions of the comments category,
// matched to posts the way giscus matches them, cached briefly so the dev server and repeated
// builds do not ask GitHub every time. Without a token, or when GitHub fails, there are simply no
// counts — the build never fails over them.
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Site } from "../content/load.ts";
import { discussionFor, giscusHash } from "./discussion.ts";
import { categoryDiscussions, CountsUnavailable, defaultEndpoint, type DiscussionSummary } from "./github.ts";
import { commentsSetup } from "./settings.ts";

/** How long GitHub's answer is reused: fresh enough for a cohort, few enough requests. */
export const CACHE_MINUTES = 10;
export const cacheFile = (root: string) => join(root, ".cache", "hoedoededa-responses.json");

/** A post as the counts see it: its slug and its `discussion:` override. */
export interface CountedPost {
  slug: string;
  data: { discussion?: number | string };
}

export interface LiveResponses {
  /** Comments + replies per post slug; 0 for a post whose discussion does not exist yet. Empty without counts. */
  counts: Map<string, number>;
  /** Why there are no counts, for the build's one warning. */
  warning?: string;
}

interface CacheEntry {
  key: string;
  fetchedAt: number;
  discussions: DiscussionSummary[];
}

/** The posts' counts from the category's discussions: by number, or by the hash of the term (strict). */
export function matchResponses(posts: readonly CountedPost[], discussions: readonly DiscussionSummary[]): Map<string, number> {
  const byNumber = new Map(discussions.map((d) => [d.number, d]));
  const byHash = new Map<string, DiscussionSummary>();
  // The first discussion carrying a hash wins, as GitHub lists them; duplicates are rare.
  for (const d of discussions) for (const hash of d.hashes) if (!byHash.has(hash)) byHash.set(hash, d);
  const counts = new Map<string, number>();
  for (const post of posts) {
    const discussion = discussionFor(post.slug, post.data.discussion);
    const found = discussion.mapping === "number" ? byNumber.get(discussion.number) : byHash.get(giscusHash(discussion.term));
    counts.set(post.slug, found?.responses ?? 0);
  }
  return counts;
}

async function readCache(file: string, key: string, now: number): Promise<DiscussionSummary[] | undefined> {
  try {
    const entry = JSON.parse(await readFile(file, "utf8")) as CacheEntry;
    const fresh = entry.key === key && now - entry.fetchedAt >= 0 && now - entry.fetchedAt < CACHE_MINUTES * 60_000;
    return fresh && Array.isArray(entry.discussions) ? entry.discussions : undefined;
  } catch {
    return undefined;
  }
}

async function writeCache(file: string, entry: CacheEntry): Promise<void> {
  try {
    await mkdir(join(file, ".."), { recursive: true });
    await writeFile(file, JSON.stringify(entry));
  } catch {
    // A read-only checkout only loses the cache, not the counts.
  }
}

export interface CountOptions {
  env?: NodeJS.ProcessEnv;
  /** Project root; the cache is `.cache/` in it. */
  root?: string;
  now?: number;
}

/** The build's live counts. Needs `GITHUB_TOKEN`; `GITHUB_GRAPHQL_URL` points elsewhere than GitHub. */
export async function liveResponses(site: Site, posts: readonly CountedPost[], options: CountOptions = {}): Promise<LiveResponses> {
  const { env = process.env, root = process.cwd(), now = Date.now() } = options;
  const setup = commentsSetup(site);
  if (setup.status !== "ready") return { counts: new Map() };

  const leftOut = "Response counts are left out of the list pages";
  const token = env.GITHUB_TOKEN?.trim();
  if (!token) return { counts: new Map(), warning: `${leftOut}: GITHUB_TOKEN is not set (a token that can read ${setup.repo}'s discussions adds them).` };

  const endpoint = env.GITHUB_GRAPHQL_URL?.trim() || defaultEndpoint;
  // The key names what was asked, never who asked: the token stays out of the cache.
  const key = createHash("sha256").update(JSON.stringify([endpoint, setup.repo, setup.categoryId])).digest("hex");
  const file = cacheFile(root);
  let discussions = await readCache(file, key, now);
  if (!discussions) {
    try {
      discussions = await categoryDiscussions({ endpoint, token, repo: setup.repo, categoryId: setup.categoryId });
    } catch (error) {
      // Only our own sentences are printed: they never carry the token or GitHub's raw answer.
      const reason = error instanceof CountsUnavailable ? error.message : "GitHub's answer could not be read";
      return { counts: new Map(), warning: `${leftOut}: ${reason}.` };
    }
    await writeCache(file, { key, fetchedAt: now, discussions });
  }
  return { counts: matchResponses(posts, discussions) };
}
