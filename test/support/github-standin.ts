// A stand-in for GitHub's GraphQL API (api.github.com is out of reach in tests): it validates every
// query against GitHub's published schema (@octokit/graphql-schema), refuses what GitHub refuses
// (pagination without `first`/`last` or past 100, more than 500,000 nodes), and answers by
// executing the query over a small in-memory state — repositories, discussion categories,
// discussions with comments and replies — to which `createDiscussion` is applied. It runs in its
// own process, like GitHub: builds and commands run synchronously in the tests and would block it.
//
//   const github = await startGitHubStandIn({ tokens: { [TOKEN]: { write: ["org/reacties"] } }, repositories: [...] });
//   env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: github.url }
//   await github.requests(); await github.state(); await github.fail({ mode: "rate-limit" }); github.close();
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serve, type FailureSwitch, type Recorded } from "./github-standin/server.ts";
import {
  createState,
  type CommentSeed,
  type RepositorySeed,
  type State,
  type TokenSeed,
} from "./github-standin/state.ts";

export type {
  CategorySeed,
  CommentSeed,
  DeploymentSeed,
  DiscussionSeed,
  RepositorySeed,
  TokenSeed,
  State,
} from "./github-standin/state.ts";
export type { Failure, FailureSwitch, Recorded } from "./github-standin/server.ts";

export interface Scenario {
  /** Valid tokens and what each may do; any other token gets GitHub's 401. */
  tokens: Record<string, TokenSeed>;
  repositories: RepositorySeed[];
  /** Discussions created through the API stay out of search results (giscus #1347). */
  searchIndexLag?: boolean;
  failure?: FailureSwitch;
  /** The moment new deployments are recorded at (ISO), e.g. the command's HOEDOEDEDA_NOW; default the machine's clock. */
  now?: string;
  /** The GitHub accounts that exist (for invitations); default: every login. */
  users?: string[];
}

export interface GitHubStandIn {
  /** The GraphQL endpoint, for GITHUB_GRAPHQL_URL. */
  url: string;
  /** The REST base, for GITHUB_API_URL. */
  restUrl: string;
  /** Every request so far, in order. */
  requests(): Promise<Recorded[]>;
  /** The state now, mutations applied. */
  state(): Promise<State>;
  /** Fail from now on (after `after` answered requests), or answer normally again with no argument. */
  fail(failure?: FailureSwitch): Promise<void>;
  close(): void;
}

/** `[3, 0]`: two comments, the first with three replies. */
export function commentsWith(replies: readonly number[], author = "deelnemer"): CommentSeed[] {
  return replies.map((n, i) => ({
    author: `${author}${i + 1}`,
    body: `Reactie ${i + 1}`,
    replies: Array.from({ length: n }, (_, j) => ({
      author: `${author}-${i + 1}-${j + 1}`,
      body: `Antwoord ${j + 1} op reactie ${i + 1}`,
    })),
  }));
}

/** Starts the stand-in in a child process (tsx runs this file) and waits until it listens. */
export async function startGitHubStandIn(scenario: Scenario): Promise<GitHubStandIn> {
  const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
  const child = spawn(tsx, [fileURLToPath(import.meta.url), "--serve"], { stdio: ["pipe", "pipe", "inherit"] });
  child.stdin.end(JSON.stringify(scenario));
  const port = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.trim());
    });
    child.once("exit", (code) => reject(new Error(`GitHub stand-in exited (${code}) before it listened`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/graphql`,
    restUrl: base,
    requests: async () => (await fetch(`${base}/__requests`)).json() as Promise<Recorded[]>,
    state: async () => (await fetch(`${base}/__state`)).json() as Promise<State>,
    fail: async (failure) => {
      await fetch(`${base}/__failure`, { method: "POST", body: failure ? JSON.stringify(failure) : "" });
    },
    close: () => void child.kill("SIGTERM"),
  };
}

if (process.argv[2] === "--serve") {
  let input = "";
  process.stdin.on("data", (chunk) => (input += chunk));
  process.stdin.on("end", () => {
    const scenario = JSON.parse(input) as Scenario;
    const clock = scenario.now ? () => new Date(scenario.now!).toISOString().replace(/\.\d+Z$/, "Z") : undefined;
    serve(createState(scenario), scenario.failure, (port) => process.stdout.write(`${port}\n`), clock);
  });
}
