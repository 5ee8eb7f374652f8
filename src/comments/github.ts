// One paginated GitHub GraphQL query: every discussion in the comments category, with what the
// counts need (number, title, giscus's hash marker, comments + replies). giscus itself cannot give
// counts for list pages (giscus issue #145), so the build asks GitHub once.
import { hashesIn } from "./discussion.ts";

/** What the build keeps of a discussion: small enough to cache, enough to match and count. */
export interface DiscussionSummary {
  number: number;
  title: string;
  /** `sha1:` hashes from the body: the term giscus created the discussion for (strict mode). */
  hashes: string[];
  /** Comments + replies, as giscus counts them in its heading. */
  responses: number;
}

/** Why there are no counts: a sentence for the build's one warning. Never contains the token. */
export class CountsUnavailable extends Error {}

export const defaultEndpoint = "https://api.github.com/graphql";

const PAGE_SIZE = 100;

const query = `query ($owner: String!, $name: String!, $categoryId: ID!, $after: String) {
  repository(owner: $owner, name: $name) {
    discussions(first: ${PAGE_SIZE}, after: $after, categoryId: $categoryId) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        title
        body
        comments(first: 100) { totalCount nodes { replies { totalCount } } }
      }
    }
  }
}`;

interface Node {
  number: number;
  title: string;
  body: string;
  comments: { totalCount: number; nodes: ({ replies: { totalCount: number } } | null)[] };
}

interface Answer {
  data?: { repository: { discussions: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: (Node | null)[] } } | null };
  errors?: { type?: string; message?: string }[];
  message?: string;
}

/** "GitHub's rate limit is used up until 14:05" from the reset header, when there is one. */
function rateLimited(headers: Headers): string {
  const reset = Number(headers.get("x-ratelimit-reset"));
  const until = reset > 0 ? ` until ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC` : "";
  return `GitHub's API rate limit is used up${until}`;
}

async function page(endpoint: string, token: string, variables: Record<string, string | null>): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { Authorization: `bearer ${token}`, "Content-Type": "application/json", "User-Agent": "hoedoededa" },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? "no answer within 15 seconds" : "the request failed";
    throw new CountsUnavailable(`GitHub could not be reached (${reason})`);
  }
  const answer = (await response.json().catch(() => ({}))) as Answer;
  // GitHub signals its primary limit with a zero remaining count, its secondary limit in the message.
  const limited = response.status === 429 || (response.status === 403 && (response.headers.get("x-ratelimit-remaining") === "0" || /rate limit/i.test(answer.message ?? "")));
  if (limited) throw new CountsUnavailable(rateLimited(response.headers));
  if (response.status === 401) throw new CountsUnavailable("GitHub did not accept GITHUB_TOKEN (401: expired or mistyped?)");
  if (!response.ok) throw new CountsUnavailable(`GitHub answered ${response.status} ${response.statusText}`.trim());
  if (answer.errors?.some((e) => e.type === "RATE_LIMITED" || /rate limit/i.test(e.message ?? ""))) throw new CountsUnavailable(rateLimited(response.headers));
  if (answer.errors?.length) throw new CountsUnavailable(`GitHub answered: ${answer.errors.map((e) => e.message).join("; ")}`);
  if (!answer.data?.repository) throw new CountsUnavailable("GitHub did not return the repository (is `repo` right, and may the token read it?)");
  return answer;
}

const summary = (node: Node): DiscussionSummary => ({
  number: node.number,
  title: node.title,
  hashes: hashesIn(node.body),
  responses: node.comments.totalCount + node.comments.nodes.reduce((sum, c) => sum + (c?.replies.totalCount ?? 0), 0),
});

/** All discussions of the category, following GitHub's cursor until the last page. */
export async function categoryDiscussions(options: { endpoint: string; token: string; repo: string; categoryId: string }): Promise<DiscussionSummary[]> {
  const [owner, name] = options.repo.split("/");
  const found: DiscussionSummary[] = [];
  let after: string | null = null;
  // A generous bound: 100 pages of 100 discussions; a broken cursor must not loop forever.
  for (let i = 0; i < 100; i++) {
    const answer = await page(options.endpoint, options.token, { owner: owner!, name: name!, categoryId: options.categoryId, after });
    const discussions = answer.data!.repository!.discussions;
    found.push(...discussions.nodes.filter((n): n is Node => n !== null).map(summary));
    if (!discussions.pageInfo.hasNextPage || !discussions.pageInfo.endCursor) return found;
    after = discussions.pageInfo.endCursor;
  }
  return found;
}
