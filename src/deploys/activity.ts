// What the site shows of the conversation now, as `npm run rebuild` sees it: each post's response
// count (as the build counts them, src/comments/counts.ts) — or, on a private cohort's site, the
// whole conversation its pages mirror — summed up in a fingerprint the ledger keeps per deploy, and
// when participants last wrote or edited something, so that a burst is deployed once it is over.
// The fingerprint decides whether there is anything to deploy; the times only when.
// https://docs.github.com/en/graphql/guides/using-the-graphql-api-for-discussions
import { createHash } from "node:crypto";
import type { GraphqlClient } from "../github/client.ts";
import type { GitHubComment } from "../github/conversation.ts";
import { matchResponses, type CountedPost } from "../comments/counts.ts";
import { categoryDiscussions, type DiscussionSummary } from "../comments/github.ts";
import { postConversations } from "../comments/room.ts";

// The 30 newest discussions (a cohort's posts of the last year or so), each's last 100 comments and
// their last 50 replies: 150,000 nodes at most, within GitHub's 500,000. An older discussion's new
// response still changes the fingerprint; only its time is not seen.
const ACTIVITY = `query ConversationActivity($owner: String!, $name: String!, $categoryId: ID!) {
  repository(owner: $owner, name: $name) {
    discussions(first: 30, categoryId: $categoryId, orderBy: { field: CREATED_AT, direction: DESC }) {
      nodes {
        createdAt
        comments(last: 100) { nodes { createdAt updatedAt replies(last: 50) { nodes { createdAt updatedAt } } } }
      }
    }
  }
}`;

interface Stamped {
  createdAt: string;
  updatedAt: string;
}

interface ActivityAnswer {
  repository: {
    discussions: {
      nodes: ({
        createdAt: string;
        comments: { nodes: ((Stamped & { replies: { nodes: (Stamped | null)[] } }) | null)[] };
      } | null)[];
    };
  } | null;
}

export interface ConversationNow {
  /** Changes whenever a count any page shows changes. */
  fingerprint: string;
  /** Every response's and edit's moment among the newest discussions. */
  activity: Date[];
  /** All responses, for the report. */
  responses: number;
}

/** The counts as a short hash: equal exactly when every post's count is. */
export const countsFingerprint = (counts: ReadonlyMap<string, number>) =>
  createHash("sha256")
    .update(JSON.stringify([...counts].sort(([a], [b]) => a.localeCompare(b))))
    .digest("hex")
    .slice(0, 16);

/**
 * A private cohort's pages show the conversation itself (src/comments/room.ts): every comment and reply,
 * its last change, whether it is hidden, its reactions — so the fingerprint is of all that, and the
 * times are every response's and edit's.
 */
async function wholeConversation(
  client: GraphqlClient,
  repo: string,
  posts: readonly CountedPost[],
  discussions: readonly DiscussionSummary[],
): Promise<ConversationNow> {
  const shown: unknown[] = [];
  const activity: Date[] = [];
  let responses = 0;
  const digest = (c: GitHubComment): unknown => {
    activity.push(new Date(c.createdAt));
    if (c.updatedAt !== c.createdAt) activity.push(new Date(c.updatedAt));
    responses++;
    return [c.id, c.updatedAt, c.minimized, c.deleted, c.reactions, c.replies.map(digest)];
  };
  const conversations = await postConversations(client, repo, posts, discussions);
  for (const [slug, conversation] of [...conversations].sort(([a], [b]) => a.localeCompare(b)))
    shown.push([slug, conversation.number, conversation.comments.map(digest)]);
  const fingerprint = createHash("sha256").update(JSON.stringify(shown)).digest("hex").slice(0, 16);
  return { fingerprint, activity, responses };
}

export async function conversationNow(
  client: GraphqlClient,
  category: { repo: string; categoryId: string },
  posts: readonly CountedPost[],
  options: { whole?: boolean } = {},
): Promise<ConversationNow> {
  const discussions = await categoryDiscussions(client, category);
  if (options.whole) return wholeConversation(client, category.repo, posts, discussions);
  const counts = matchResponses(posts, discussions);
  const [owner = "", name = ""] = category.repo.split("/");
  const answer = await client.request<ActivityAnswer>(ACTIVITY, { owner, name, categoryId: category.categoryId });
  const activity: Date[] = [];
  for (const discussion of answer.repository?.discussions.nodes ?? []) {
    for (const comment of discussion?.comments.nodes ?? []) {
      if (!comment) continue;
      for (const item of [comment, ...comment.replies.nodes]) {
        if (!item) continue;
        activity.push(new Date(item.createdAt));
        // An edit is a moment of its own.
        if (item.updatedAt !== item.createdAt) activity.push(new Date(item.updatedAt));
      }
    }
  }
  return {
    fingerprint: countsFingerprint(counts),
    activity,
    responses: [...counts.values()].reduce((a, b) => a + b, 0),
  };
}
