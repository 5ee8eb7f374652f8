// The GitHub stand-in itself: it must refuse what GitHub refuses, or the tests that use it prove
// nothing. Misspelt fields, pagination without bounds or past 100, too many nodes, bad tokens; and it
// must page, search and create the way GitHub does.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { commentsWith, startGitHubStandIn, type GitHubStandIn } from "../support/github-standin.ts";

const TOKEN = "ghp_standInTest";
const READER = "ghp_readOnly";
let github: GitHubStandIn;

beforeAll(async () => {
  github = await startGitHubStandIn({
    tokens: { [TOKEN]: { login: "marjan", write: ["org/reacties"] }, [READER]: {} },
    searchIndexLag: true,
    repositories: [
      {
        id: "R_1",
        repo: "org/reacties",
        categories: [
          { id: "DIC_1", name: "Reacties" },
          { id: "DIC_2", name: "Ideeën" },
        ],
        discussions: [
          {
            number: 1,
            title: "posts/welkom/",
            body: "Welkom\n\n<!-- sha1: aaa -->",
            category: "Reacties",
            comments: commentsWith([2, 0, 1]),
          },
          { number: 2, title: "Vraag over regie", body: "Over loslaten.", category: "Ideeën" },
          { number: 3, title: "posts/oud/", body: "<!-- sha1: aaa -->", category: "Ideeën", searchable: false },
        ],
      },
      { repo: "org/geheim", isPrivate: true, categories: [{ name: "Reacties" }] },
      // 120 comments, the last with 150 replies: more than one page of each.
      {
        repo: "org/groot",
        categories: [{ name: "Reacties" }],
        discussions: [
          {
            number: 7,
            title: "Druk",
            body: "",
            category: "Reacties",
            comments: commentsWith([...Array(119).fill(0), 150]),
          },
        ],
      },
    ],
  });
});
afterAll(() => github?.close());

async function ask(query: string, variables: Record<string, unknown> = {}, token = TOKEN) {
  const response = await fetch(github.url, {
    method: "POST",
    headers: { Authorization: `bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: any; errors?: { type?: string; message: string }[]; message?: string },
  };
}

describe("refuses what GitHub refuses", () => {
  test("a field that is not in GitHub's schema", async () => {
    const { body } = await ask(
      `{ repository(owner: "org", name: "reacties") { discussions(first: 1) { nodes { numbr } } } }`,
    );
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.message).toMatch(/Cannot query field "numbr" on type "Discussion"/);
  });

  test("nodes of a connection without first or last, with both, or past 100", async () => {
    const without = await ask(`{ repository(owner: "org", name: "reacties") { discussions { nodes { number } } } }`);
    expect(without.body.errors).toEqual([
      expect.objectContaining({
        type: "MISSING_PAGINATION_BOUNDARIES",
        message: "You must provide a `first` or `last` value to properly paginate the `discussions` connection.",
      }),
    ]);
    const nested = await ask(
      `query($n: Int) { repository(owner: "org", name: "reacties") { discussions(first: $n) { nodes { comments { nodes { id } } } } } }`,
      { n: 5 },
    );
    expect(nested.body.errors?.map((e) => e.type)).toEqual(["MISSING_PAGINATION_BOUNDARIES"]);
    const both = await ask(
      `{ repository(owner: "org", name: "reacties") { discussions(first: 1, last: 1) { nodes { number } } } }`,
    );
    expect(both.body.errors![0]!.message).toMatch(/Passing both `first` and `last`/);
    const many = await ask(
      `query($n: Int = 101) { repository(owner: "org", name: "reacties") { discussions(first: $n) { edges { node { number } } } } }`,
    );
    expect(many.body.errors).toEqual([
      expect.objectContaining({
        type: "EXCESSIVE_PAGINATION",
        message: "Requesting 101 records on the `discussions` connection exceeds the `first` limit of 100 records.",
      }),
    ]);
    // totalCount alone needs no bounds, as on GitHub.
    const counted = await ask(`{ repository(owner: "org", name: "reacties") { discussions { totalCount } } }`);
    expect(counted.body).toEqual({ data: { repository: { discussions: { totalCount: 3 } } } });
  });

  test("a query that could ask for more than 500,000 nodes", async () => {
    const { body } = await ask(
      `{ repository(owner: "org", name: "reacties") { discussions(first: 100) { nodes { comments(first: 100) { nodes { replies(first: 100) { nodes { id } } } } } } } }`,
    );
    expect(body.errors).toEqual([expect.objectContaining({ type: "MAX_NODE_LIMIT_EXCEEDED" })]);
    expect(body.errors![0]!.message).toContain("1,010,100");
  });

  test("no token, a wrong token, a repository the token cannot see", async () => {
    const none = await fetch(github.url, { method: "POST", body: JSON.stringify({ query: "{ viewer { login } }" }) });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ message: "This endpoint requires you to be authenticated." });
    expect(await ask("{ viewer { login } }", {}, "ghp_wrong")).toMatchObject({
      status: 401,
      body: { message: "Bad credentials" },
    });
    const hidden = await ask(`{ repository(owner: "org", name: "geheim") { id } }`);
    expect(hidden.body).toMatchObject({
      data: { repository: null },
      errors: [{ type: "NOT_FOUND", message: "Could not resolve to a Repository with the name 'org/geheim'." }],
    });
  });

  test("a field the stand-in does not model is an error, not a silent null", async () => {
    const { body } = await ask(
      `{ repository(owner: "org", name: "reacties") { discussions(first: 1) { nodes { upvoteCount } } } }`,
    );
    expect(body.errors![0]!.message).toMatch(/does not model Discussion\.upvoteCount/);
  });
});

describe("answers the way GitHub answers", () => {
  test("connections page with opaque cursors, forwards and backwards", async () => {
    const query = `query($after: String, $before: String, $first: Int, $last: Int) { repository(owner: "org", name: "reacties") {
      discussions(first: $first, last: $last, after: $after, before: $before, orderBy: { field: CREATED_AT, direction: ASC }) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { number } } } }`;
    const page = async (variables: Record<string, unknown>) =>
      (await ask(query, variables)).body.data.repository.discussions;
    const first = await page({ first: 2 });
    expect(first).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
      nodes: [{ number: 1 }, { number: 2 }],
    });
    expect(first.pageInfo.endCursor).not.toMatch(/^\d+$/);
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(second).toMatchObject({ pageInfo: { hasNextPage: false, hasPreviousPage: true }, nodes: [{ number: 3 }] });
    expect((await page({ last: 1, before: second.pageInfo.startCursor })).nodes).toEqual([{ number: 2 }]);
    const broken = await ask(query, { first: 1, after: "bm9wZQ==" });
    expect(broken.body.errors![0]).toMatchObject({ type: "INVALID_CURSOR_ARGUMENTS" });
  });

  test("the repository as setup and the facilitator's pages read it", async () => {
    const { body } =
      await ask(`{ repository(owner: "ORG", name: "reacties") { id nameWithOwner isPrivate visibility hasDiscussionsEnabled url defaultBranchRef { name }
      discussionCategories(first: 10) { totalCount nodes { id name slug } } } }`);
    expect(body.data.repository).toEqual({
      id: "R_1",
      nameWithOwner: "org/reacties",
      isPrivate: false,
      visibility: "PUBLIC",
      hasDiscussionsEnabled: true,
      url: "https://github.com/org/reacties",
      defaultBranchRef: { name: "main" },
      discussionCategories: {
        totalCount: 2,
        nodes: [
          { id: "DIC_1", name: "Reacties", slug: "reacties" },
          { id: "DIC_2", name: "Ideeën", slug: "ideeen" },
        ],
      },
    });
  });

  test("comments and replies past 100 are reached page by page, each item once", async () => {
    const all = async (
      query: string,
      pick: (data: any) => { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] },
    ) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 5; page++) {
        const connection = pick((await ask(query, { after })).body.data);
        ids.push(...connection.nodes.map((n) => n.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      return ids;
    };
    const comments = await all(
      `query($after: String) { repository(owner: "org", name: "groot") { discussion(number: 7) { comments(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } } } }`,
      (d) => d.repository.discussion.comments,
    );
    expect([comments.length, new Set(comments).size]).toEqual([120, 120]);
    const last = comments.at(-1)!;
    const replies = await all(
      `query($after: String) { node(id: "${last}") { ... on DiscussionComment { replies(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } } } }`,
      (d) => d.node.replies,
    );
    expect([replies.length, new Set(replies).size]).toEqual([150, 150]);
  });

  test("comments with authors and replies; bodies as HTML without giscus's marker", async () => {
    const { body } = await ask(`{ repository(owner: "org", name: "reacties") { discussion(number: 1) { bodyHTML
      comments(first: 10) { totalCount nodes { author { login } bodyHTML replies(first: 10) { totalCount nodes { replyTo { id } } } } } } } }`);
    const d = body.data.repository.discussion;
    expect(d.bodyHTML).toBe("<p>Welkom</p>\n");
    expect(d.comments.totalCount).toBe(3);
    expect(d.comments.nodes.map((c: any) => [c.author.login, c.replies.totalCount])).toEqual([
      ["deelnemer1", 2],
      ["deelnemer2", 0],
      ["deelnemer3", 1],
    ]);
  });

  test('search understands repo:, category:"…", in:body, quoted phrases — and only finds what is indexed', async () => {
    const search = async (q: string) =>
      (
        await ask(
          `query($q: String!) { search(type: DISCUSSION, last: 10, query: $q) { discussionCount nodes { ... on Discussion { number } } } }`,
          { q },
        )
      ).body.data.search;
    expect(await search('repo:ORG/Reacties category:"Reacties" in:body "aaa"')).toEqual({
      discussionCount: 1,
      nodes: [{ number: 1 }],
    });
    // #3 carries the marker too, but GitHub's index has not caught up with it.
    expect(await search('repo:org/reacties category:"Ideeën" in:body "aaa"')).toEqual({
      discussionCount: 0,
      nodes: [],
    });
    expect(await search('repo:org/reacties in:title "over regie"')).toEqual({
      discussionCount: 1,
      nodes: [{ number: 2 }],
    });
    expect(await search('repo:org/reacties in:title "loslaten"')).toEqual({ discussionCount: 0, nodes: [] });
    expect(await search('repo:org/elders "aaa"')).toEqual({ discussionCount: 0, nodes: [] });
  });

  test("createDiscussion is applied to the state — with a token that may write, only", async () => {
    const create = `mutation($input: CreateDiscussionInput!) { createDiscussion(input: $input) { discussion { number title url category { name } } } }`;
    const input = {
      repositoryId: "R_1",
      categoryId: "DIC_1",
      title: "posts/nieuw/",
      body: "Nieuw.\n\n<!-- sha1: bbb -->",
    };
    const refused = await ask(create, { input }, READER);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ type: "FORBIDDEN", message: "Resource not accessible by personal access token" }),
    ]);
    const { body } = await ask(create, { input });
    expect(body.data.createDiscussion.discussion).toEqual({
      number: 4,
      title: "posts/nieuw/",
      url: "https://github.com/org/reacties/discussions/4",
      category: { name: "Reacties" },
    });
    const state = await github.state();
    expect(state.repositories[0]!.discussions.at(-1)).toMatchObject({
      number: 4,
      author: "marjan",
      body: input.body,
      searchable: false,
    });
  });

  test("failure switches: rate limit as HTTP 403 and as a GraphQL error, a 502, then normal again", async () => {
    await github.fail({ mode: "rate-limit" });
    const limited = await fetch(github.url, {
      method: "POST",
      headers: { Authorization: `bearer ${TOKEN}` },
      body: JSON.stringify({ query: "{ viewer { login } }" }),
    });
    expect([limited.status, limited.headers.get("x-ratelimit-remaining")]).toEqual([403, "0"]);
    await github.fail({ mode: "graphql-rate-limit" });
    expect((await ask("{ viewer { login } }")).body.errors).toEqual([
      expect.objectContaining({ type: "RATE_LIMITED" }),
    ]);
    await github.fail({ mode: "server-error", after: 1 });
    expect((await ask("{ viewer { login } }")).status).toBe(200);
    const failed = await fetch(github.url, {
      method: "POST",
      headers: { Authorization: `bearer ${TOKEN}` },
      body: "{}",
    });
    expect(failed.status).toBe(502);
    await github.fail();
    expect((await ask("{ viewer { login } }")).body).toEqual({ data: { viewer: { login: "marjan" } } });
    expect((await github.requests()).at(-1)).toMatchObject({ authorization: `bearer ${TOKEN}`, status: 200 });
  });
});
