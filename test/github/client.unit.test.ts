// The GraphQL client every command and the build share: each way GitHub can fail becomes one
// GitHubError with our own sentence, which never carries the token.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { endpointFrom, GitHubError, graphqlClient, tokenFrom, type GitHubFailure } from "../../src/github/client.ts";
import { explain } from "../../src/commands/github/explain.ts";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-standin.ts";

const TOKEN = "ghp_clientTestSecret42";
let github: GitHubStandIn;

beforeAll(async () => {
  github = await startGitHubStandIn({
    tokens: { [TOKEN]: { login: "marjan" } },
    repositories: [{ repo: "org/reacties", categories: [{ name: "Reacties" }] }],
  });
});
afterAll(() => github?.close());

async function failure(promise: Promise<unknown>): Promise<{ failure: GitHubFailure; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GitHubError) return { failure: error.failure, message: error.message };
    throw error;
  }
  throw new Error("expected a GitHubError");
}

describe("the GraphQL client", () => {
  test("answers with the data, sent with the token as bearer", async () => {
    const client = graphqlClient({ endpoint: github.url, token: TOKEN });
    expect(await client.request("{ viewer { login } }")).toEqual({ viewer: { login: "marjan" } });
    expect((await github.requests()).at(-1)!.authorization).toBe(`bearer ${TOKEN}`);
  });

  test("reads the endpoint and the first token that is set from the environment", () => {
    expect(endpointFrom({})).toBe("https://api.github.com/graphql");
    expect(endpointFrom({ GITHUB_GRAPHQL_URL: " http://127.0.0.1:1/graphql " })).toBe("http://127.0.0.1:1/graphql");
    expect(tokenFrom({ GITHUB_TOKEN: "a", DISCUSSIONS_TOKEN: " " }, ["DISCUSSIONS_TOKEN", "GITHUB_TOKEN"])).toEqual({
      name: "GITHUB_TOKEN",
      token: "a",
    });
    expect(tokenFrom({ GITHUB_TOKEN: "a", DISCUSSIONS_TOKEN: "b" }, ["DISCUSSIONS_TOKEN", "GITHUB_TOKEN"])).toEqual({
      name: "DISCUSSIONS_TOKEN",
      token: "b",
    });
    expect(tokenFrom({}, ["GITHUB_TOKEN"])).toBeUndefined();
  });

  test.each([
    ["rate-limit", "rate-limited", /^GitHub's API rate limit is used up until 14:05 UTC$/],
    ["graphql-rate-limit", "rate-limited", /^GitHub's API rate limit is used up until 14:05 UTC$/],
    ["server-error", "server", /^GitHub answered 502 Bad Gateway$/],
  ] as const)("GitHub failing (%s) is a %s GitHubError", async (mode, kind, message) => {
    await github.fail({ mode });
    try {
      const found = await failure(
        graphqlClient({ endpoint: github.url, token: TOKEN }).request("{ viewer { login } }"),
      );
      expect(found).toEqual({ failure: kind, message: expect.stringMatching(message) });
    } finally {
      await github.fail();
    }
  });

  test("no answer within the time limit, or nobody listening: unreachable", async () => {
    await github.fail({ mode: "hang" });
    try {
      const started = Date.now();
      const found = await failure(
        graphqlClient({ endpoint: github.url, token: TOKEN, timeoutSeconds: 0.5 }).request("{ viewer { login } }"),
      );
      expect(found).toEqual({
        failure: "unreachable",
        message: "GitHub could not be reached (no answer within 0.5 seconds)",
      });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await github.fail();
    }
    const closed = await failure(
      graphqlClient({ endpoint: "http://127.0.0.1:9/graphql", token: TOKEN }).request("{ viewer { login } }"),
    );
    expect(closed).toEqual({ failure: "unreachable", message: "GitHub could not be reached (the request failed)" });
  });

  test("a refused token names the variable it came from, never the token", async () => {
    const found = await failure(
      graphqlClient({ endpoint: github.url, token: "ghp_notValid123", tokenName: "DISCUSSIONS_TOKEN" }).request(
        "{ viewer { login } }",
      ),
    );
    expect(found).toEqual({
      failure: "bad-credentials",
      message: "GitHub did not accept DISCUSSIONS_TOKEN (401: expired or mistyped?)",
    });
    expect(found.message).not.toContain("ghp_notValid123");
  });

  test("GraphQL errors: not found, refused; the token is scrubbed even if GitHub echoed it", async () => {
    const client = graphqlClient({ endpoint: github.url, token: TOKEN });
    expect(await failure(client.request(`{ repository(owner: "org", name: "weg") { id } }`))).toEqual({
      failure: "not-found",
      message: "GitHub answered: Could not resolve to a Repository with the name 'org/weg'.",
    });
    const echoed = await failure(
      client.request(`query($q: String!) { repository(owner: $q, name: "x") { id } }`, { q: TOKEN }),
    );
    expect(echoed.failure).toBe("not-found");
    expect(echoed.message).not.toContain(TOKEN);
    expect((await failure(client.request("{ viewer { nam } }"))).failure).toBe("refused");
  });
});

describe("a GitHub failure as a command's message", () => {
  const context = {
    repo: "org/reacties",
    tokenName: "GITHUB_TOKEN",
    retry: "GITHUB_TOKEN=github_pat_… npm run setup -- org/reacties",
    after: "Nothing was changed.",
  };

  test("a refused token: what happened, how to make one, and that nothing changed", () => {
    const message = explain(new GitHubError("bad-credentials", "x"), context).message;
    expect(message).toMatch(
      /^GitHub did not accept GITHUB_TOKEN: it is mistyped, expired or revoked\.\nMake a fine-grained token/,
    );
    expect(message).toContain("Then: GITHUB_TOKEN=github_pat_… npm run setup -- org/reacties\nNothing was changed.");
  });

  test("forbidden, as a GraphQL error or as HTTP 403: the organisation may have to approve the token", () => {
    expect(
      explain(
        new GitHubError("forbidden", "GitHub answered: Resource not accessible by personal access token", [
          "FORBIDDEN",
        ]),
        context,
      ).message,
    ).toBe(
      "GitHub refused GITHUB_TOKEN for org/reacties (Resource not accessible by personal access token). An organisation may first have to approve a fine-grained token (its Settings → Personal access tokens → Pending requests).\nNothing was changed.",
    );
    expect(explain(new GitHubError("forbidden", "GitHub refused GITHUB_TOKEN (403)"), context).message).toMatch(
      /^GitHub refused GITHUB_TOKEN for org\/reacties \(HTTP 403\)\. /,
    );
  });

  test("anything else than a GitHubError is a bug, and stays one", () => {
    expect(() => explain(new TypeError("boom"), context)).toThrow(TypeError);
  });
});
