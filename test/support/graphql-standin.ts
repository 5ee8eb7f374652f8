// A stand-in for GitHub's GraphQL endpoint, for the response counts: it answers the discussions
// query of src/comments/github.ts page by page with a cursor, or fails the way GitHub fails (rate
// limit as HTTP 403 or as a GraphQL error, a bad token, a server error). It runs in its own process,
// like GitHub: builds run synchronously in the tests and would otherwise block it.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface StandInDiscussion {
  number: number;
  title: string;
  body: string;
  /** Replies per top-level comment: [3, 0] is two comments, one with three replies. */
  comments: number[];
}

export interface Scenario {
  token: string;
  discussions: StandInDiscussion[];
  /** Discussions per page; GitHub gives up to 100, the stand-in fewer so pagination shows. */
  pageSize?: number;
  fail?: "rate-limit" | "graphql-rate-limit" | "server-error";
}

export interface Recorded {
  authorization: string;
  variables: Record<string, unknown>;
  query: string;
}

export interface GraphqlStandIn {
  url: string;
  requests(): Promise<Recorded[]>;
  close(): void;
}

function node(d: StandInDiscussion) {
  return {
    number: d.number,
    title: d.title,
    body: d.body,
    comments: { totalCount: d.comments.length, nodes: d.comments.map((replies) => ({ replies: { totalCount: replies } })) },
  };
}

function serveScenario(scenario: Scenario): void {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(body));
      if (req.method === "GET" && req.url === "/__requests") return json(200, requests);
      const { query = "", variables = {} } = JSON.parse(text || "{}") as { query?: string; variables?: Record<string, unknown> };
      requests.push({ authorization: req.headers.authorization ?? "", variables, query });
      if (req.headers.authorization?.toLowerCase() !== `bearer ${scenario.token}`.toLowerCase())
        return json(401, { message: "Bad credentials", documentation_url: "https://docs.github.com/graphql" });
      if (scenario.fail === "rate-limit")
        return json(403, { message: "API rate limit exceeded for user ID 1." }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.UTC(2030, 0, 1, 14, 5) / 1000)) });
      if (scenario.fail === "graphql-rate-limit")
        return json(200, { errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for user ID 1." }] });
      if (scenario.fail === "server-error") return json(502, { message: "Server Error" });
      if (!/discussions\(/.test(query) || typeof variables.categoryId !== "string")
        return json(200, { errors: [{ message: "the stand-in only knows the discussions query" }] });
      const size = scenario.pageSize ?? 100;
      const start = typeof variables.after === "string" ? Number(variables.after) : 0;
      const nodes = scenario.discussions.slice(start, start + size).map(node);
      const end = start + nodes.length;
      json(200, {
        data: {
          repository: {
            discussions: { pageInfo: { hasNextPage: end < scenario.discussions.length, endCursor: nodes.length ? String(end) : null }, nodes },
          },
        },
      });
    });
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
  });
}

/** Starts the stand-in in a child process; `url` is its GraphQL endpoint (for GITHUB_GRAPHQL_URL). */
export async function startGraphqlStandIn(scenario: Scenario): Promise<GraphqlStandIn> {
  const tsx = join(fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url)));
  const child: ChildProcess = spawn(tsx, [fileURLToPath(import.meta.url), "--serve", JSON.stringify(scenario)], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`GraphQL stand-in exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    requests: async () => (await fetch(`http://127.0.0.1:${port}/__requests`)).json() as Promise<Recorded[]>,
    close: () => void child.kill(),
  };
}

if (process.argv[2] === "--serve") serveScenario(JSON.parse(process.argv[3]!) as Scenario);
