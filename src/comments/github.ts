// Every discussion in the comments category, with what the counts and `npm run discussions` need:
// its number, title, giscus's hash marker, and every comment and reply counted. giscus itself
// cannot give counts for list pages (giscus issue #145), and GitHub's search lags behind new
// discussions (giscus #1347), so both list the category instead of searching it.
// https://docs.github.com/en/graphql/guides/using-the-graphql-api-for-discussions
import type { GraphqlClient } from "../github/client.ts";
import { hashesIn } from "./discussion.ts";

/** What the build keeps of a discussion: small enough to cache, enough to match and count. */
export interface DiscussionSummary {
  number: number;
  title: string;
  /** `sha1:` hashes from the body: the term giscus created the discussion for (strict mode). */
  hashes: string[];
  /** Comments + replies, every one of them. */
  responses: number;
}

// 100 discussions × 100 comments each is 10,100 nodes, far below GitHub's 500,000 per query.
// Replies are counted by `totalCount`, which is every reply however many there are; only a
// discussion with more than 100 comments needs more pages (DISCUSSION_COMMENTS).
// Oldest first: a stable order while paging, and the first discussion with a marker wins.
const CATEGORY_DISCUSSIONS = `query CategoryDiscussions($owner: String!, $name: String!, $categoryId: ID!, $after: String) {
  repository(owner: $owner, name: $name) {
    discussions(first: 100, after: $after, categoryId: $categoryId, orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        title
        body
        comments(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { replies { totalCount } } }
      }
    }
  }
}`;

const DISCUSSION_COMMENTS = `query DiscussionComments($owner: String!, $name: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    discussion(number: $number) {
      comments(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { replies { totalCount } } }
    }
  }
}`;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface Comments {
  totalCount?: number;
  pageInfo: PageInfo;
  nodes: ({ replies: { totalCount: number } } | null)[];
}

interface Node {
  number: number;
  title: string;
  body: string;
  comments: Comments;
}

const replies = (comments: Comments) => comments.nodes.reduce((sum, c) => sum + (c?.replies.totalCount ?? 0), 0);

/** Replies on the comments after the first page, for the discussions that have more than 100. */
async function laterReplies(client: GraphqlClient, owner: string, name: string, node: Node): Promise<number> {
  let sum = 0;
  let page = node.comments.pageInfo;
  // A bound from the count GitHub gave, so a broken cursor cannot loop forever.
  for (let i = 0; page.hasNextPage && page.endCursor && i < Math.ceil((node.comments.totalCount ?? 0) / 100); i++) {
    const data = await client.request<{ repository: { discussion: { comments: Comments } | null } | null }>(
      DISCUSSION_COMMENTS,
      {
        owner,
        name,
        number: node.number,
        after: page.endCursor,
      },
    );
    const comments = data.repository?.discussion?.comments;
    if (!comments) break;
    sum += replies(comments);
    page = comments.pageInfo;
  }
  return sum;
}

/** All discussions of the category, following GitHub's cursors until the last page. */
export async function categoryDiscussions(
  client: GraphqlClient,
  options: { repo: string; categoryId: string },
): Promise<DiscussionSummary[]> {
  const [owner = "", name = ""] = options.repo.split("/");
  const found: DiscussionSummary[] = [];
  let after: string | null = null;
  // A generous bound: 100 pages of 100 discussions.
  for (let i = 0; i < 100; i++) {
    const data: { repository: { discussions: { pageInfo: PageInfo; nodes: (Node | null)[] } } | null } =
      await client.request(CATEGORY_DISCUSSIONS, {
        owner,
        name,
        categoryId: options.categoryId,
        after,
      });
    if (!data.repository) break;
    const { discussions } = data.repository;
    for (const node of discussions.nodes) {
      if (!node) continue;
      const more = node.comments.pageInfo.hasNextPage ? await laterReplies(client, owner, name, node) : 0;
      const responses = (node.comments.totalCount ?? 0) + replies(node.comments) + more;
      found.push({ number: node.number, title: node.title, hashes: hashesIn(node.body), responses });
    }
    if (!discussions.pageInfo.hasNextPage || !discussions.pageInfo.endCursor) break;
    after = discussions.pageInfo.endCursor;
  }
  return found;
}

const VISIBILITY = `query RepositoryVisibility($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) { isPrivate }
}`;

/** What to do about a public repository that should hold a private cohort's conversation (setup's refusal aside). */
export const makePrivate = (repo: string): string =>
  `Make it private (https://github.com/${repo}/settings → Danger Zone → Change visibility), ` +
  "or move the conversation to a private repository and run npm run setup again (docs/groepsruimte.md).";

/** Whether `repo` (`owner/name`) is private; a repository the token cannot see is GitHub's NOT_FOUND error. */
export async function isPrivateRepository(client: GraphqlClient, repo: string): Promise<boolean> {
  const [owner = "", name = ""] = repo.split("/");
  const data = await client.request<{ repository: { isPrivate: boolean } | null }>(VISIBILITY, { owner, name });
  return data.repository?.isPrivate === true;
}
