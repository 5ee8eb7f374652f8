// One discussion's whole conversation: every comment and every reply, with its author, date, last
// change, reactions and Markdown, following GitHub's cursors past 100 of each (comments by the
// discussion's own cursor, replies by the comment's, through `node(id:)`), for `npm run archive`,
// `responses` and `overview`, and for a private cohort's post pages (src/comments/room.ts).
// https://docs.github.com/en/graphql/guides/using-the-graphql-api-for-discussions
// https://docs.github.com/en/graphql/guides/using-pagination-in-the-graphql-api
import type { GraphqlClient } from "./client.ts";

/** A comment or a reply as GitHub gives it; a reply has no replies (GitHub threads one level deep). */
export interface GitHubComment {
  /** GitHub's global id (`DC_kwDO…`): the same wherever the comment is read, and after a repository is transferred. */
  id: string;
  /** The author's login; null for an account that was deleted (GitHub shows it as "ghost"). */
  login: string | null;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** When it was last changed (an edit, or a hide by a moderator): what a mirrored conversation is compared by. */
  updatedAt: string;
  /** GitHub-flavoured Markdown, as written. */
  body: string;
  /** Hidden by a moderator (spam, off-topic, …): GitHub folds it away. */
  minimized: boolean;
  /** Deleted by its author or a moderator: GitHub keeps an empty place when it has replies. */
  deleted: boolean;
  /** Reactions by kind (`THUMBS_UP`, `HEART`, …), only those with at least one. */
  reactions: { content: string; count: number }[];
  replies: GitHubComment[];
}

/** GitHub shows a deleted account as this user. */
export const GHOST = "ghost";

/** Whether GitHub shows a comment: not hidden by a moderator, not deleted, not empty. */
export const shownOnGitHub = (c: GitHubComment): boolean => !c.minimized && !c.deleted && c.body.trim() !== "";

/** The author as GitHub shows them: their login, or "ghost" for an account that is gone. */
export const loginOf = (c: GitHubComment): string => c.login ?? GHOST;

export interface Conversation {
  number: number;
  url: string;
  /** Oldest first, as GitHub lists them; replies under their comment, oldest first. */
  comments: GitHubComment[];
}

// 100 comments with 100 replies each: 10,100 nodes, far below GitHub's 500,000 per query.
const FIELDS =
  "id createdAt updatedAt body isMinimized deletedAt author { login } reactionGroups { content reactors { totalCount } }";

const COMMENTS = `query DiscussionConversation($owner: String!, $name: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    discussion(number: $number) {
      number
      url
      comments(first: 100, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { ${FIELDS} replies(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { ${FIELDS} } } }
      }
    }
  }
}`;

const REPLIES = `query CommentReplies($id: ID!, $after: String) {
  node(id: $id) {
    ... on DiscussionComment {
      replies(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${FIELDS} } }
    }
  }
}`;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface Node {
  id: string;
  createdAt: string;
  updatedAt: string;
  reactionGroups: { content: string; reactors: { totalCount: number } }[] | null;
  body: string;
  isMinimized: boolean;
  deletedAt: string | null;
  author: { login: string } | null;
}

interface Page<T> {
  totalCount?: number;
  pageInfo: PageInfo;
  nodes: (T | null)[];
}

type CommentNode = Node & { replies: Page<Node> };

const comment = (node: Node, replies: GitHubComment[] = []): GitHubComment => ({
  id: node.id,
  login: node.author?.login ?? null,
  createdAt: node.createdAt,
  updatedAt: node.updatedAt,
  body: node.body,
  minimized: node.isMinimized,
  deleted: node.deletedAt !== null,
  reactions: (node.reactionGroups ?? [])
    .filter((g) => g.reactors.totalCount > 0)
    .map((g) => ({ content: g.content, count: g.reactors.totalCount })),
  replies,
});

/**
 * Follows a connection from its first page to the last. The bound comes from the count GitHub gave
 * (plus one page), so a cursor that never ends cannot loop forever.
 */
async function allPages<T>(first: Page<T>, next: (after: string) => Promise<Page<T> | undefined>): Promise<T[]> {
  const items = first.nodes.filter((n): n is T => n !== null);
  const bound = Math.ceil((first.totalCount ?? 0) / 100) + 1;
  let page: Page<T> | undefined = first;
  for (let i = 0; page?.pageInfo.hasNextPage && page.pageInfo.endCursor && i < bound; i++) {
    page = await next(page.pageInfo.endCursor);
    if (page) items.push(...page.nodes.filter((n): n is T => n !== null));
  }
  return items;
}

/** Discussion `number` of `repo` (`owner/name`), whole; a discussion GitHub does not have is its NOT_FOUND GitHubError. */
export async function discussionConversation(
  client: GraphqlClient,
  repo: string,
  number: number,
): Promise<Conversation> {
  const [owner = "", name = ""] = repo.split("/");
  type Answer = {
    repository: { discussion: { number: number; url: string; comments: Page<CommentNode> } | null } | null;
  };
  const ask = async (after: string | null) =>
    (await client.request<Answer>(COMMENTS, { owner, name, number, after })).repository?.discussion ?? undefined;
  const discussion = await ask(null);
  if (!discussion) throw new Error(`GitHub gave no discussion #${number} of ${repo} and no error`);
  const nodes = await allPages(discussion.comments, async (after) => (await ask(after))?.comments);
  const comments: GitHubComment[] = [];
  for (const node of nodes) {
    const replies = await allPages({ totalCount: node.replies.totalCount ?? 0, ...node.replies }, async (after) => {
      const data = await client.request<{ node: { replies?: Page<Node> } | null }>(REPLIES, { id: node.id, after });
      return data.node?.replies;
    });
    comments.push(
      comment(
        node,
        replies.map((reply) => comment(reply)),
      ),
    );
  }
  return { number: discussion.number, url: discussion.url, comments };
}
