// The stand-in's REST side, for what the project asks GitHub's REST API (src/github/rest.ts): a
// repository's deployments (the conversation's deploy ledger, src/deploys/ledger.ts). It answers as
// GitHub does, with GitHub's status codes and messages: 401 without a valid token, 404 for a
// repository the token may not see (GitHub does not say it exists), 403 when the token may not write
// (a workflow token without `deployments: write`), 422 for a ref that does not exist, 201 for a new
// deployment. https://docs.github.com/en/rest/deployments/deployments
import type { IncomingMessage, ServerResponse } from "node:http";
import { deployment, deploymentsWritable, fullName, readable, type State } from "./state.ts";

const docs = "https://docs.github.com/rest/deployments/deployments";

function send(res: ServerResponse, status: number, body: unknown): number {
  res
    .writeHead(status, { "Content-Type": "application/json; charset=utf-8", "x-ratelimit-remaining": "4999" })
    .end(JSON.stringify(body));
  return status;
}

/** Answers a REST request; `token` is the bearer token, or undefined when none was sent. */
export function rest(state: State, req: IncomingMessage, text: string, res: ServerResponse, now: () => string): number {
  const url = new URL(req.url ?? "/", "http://stand-in");
  const [scheme, token = ""] = (req.headers.authorization ?? "").split(/\s+/, 2);
  if (!scheme) return send(res, 401, { message: "Requires authentication", documentation_url: docs, status: "401" });
  if (!/^(bearer|token)$/i.test(scheme) || !state.tokens[token])
    return send(res, 401, { message: "Bad credentials", documentation_url: docs, status: "401" });

  const match = /^\/repos\/([^/]+)\/([^/]+)\/deployments$/.exec(url.pathname);
  if (!match)
    return send(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
  const repo = state.repositories.find((r) => fullName(r).toLowerCase() === `${match[1]}/${match[2]}`.toLowerCase());
  if (!repo || !readable(state, token, repo))
    return send(res, 404, { message: "Not Found", documentation_url: docs, status: "404" });

  if (req.method === "GET") {
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 30) || 30, 100);
    const page = Math.max(Number(url.searchParams.get("page") ?? 1) || 1, 1);
    const environment = url.searchParams.get("environment");
    const ref = url.searchParams.get("ref");
    const listed = [...repo.deployments]
      .filter((d) => (!environment || d.environment === environment) && (!ref || d.ref === ref))
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
    return send(res, 200, listed.slice((page - 1) * perPage, page * perPage));
  }
  if (req.method === "POST") {
    if (!deploymentsWritable(state, token, repo))
      return send(res, 403, {
        message: "Resource not accessible by integration",
        documentation_url: docs,
        status: "403",
      });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text || "{}") as Record<string, unknown>;
    } catch {
      return send(res, 400, { message: "Problems parsing JSON", documentation_url: docs, status: "400" });
    }
    if (typeof body.ref !== "string" || !body.ref)
      return send(res, 422, {
        message: 'Invalid request.\n\n"ref" wasn\'t supplied.',
        documentation_url: docs,
        status: "422",
      });
    if (body.ref !== repo.defaultBranch && !/^[0-9a-f]{40}$/.test(body.ref))
      return send(res, 422, { message: `No ref found for: ${body.ref}`, documentation_url: docs, status: "422" });
    const created = deployment(
      repo,
      {
        ref: body.ref,
        environment: typeof body.environment === "string" ? body.environment : "production",
        description: typeof body.description === "string" ? body.description : null,
        payload: body.payload ?? {},
        created_at: now(),
      },
      state.tokens[token]?.login ?? "github-actions[bot]",
    );
    repo.deployments.push(created);
    return send(res, 201, created);
  }
  return send(res, 404, { message: "Not Found", documentation_url: docs, status: "404" });
}
