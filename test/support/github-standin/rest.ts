// The stand-in's REST side, for what the project asks GitHub's REST API (src/github/rest.ts): a
// repository itself (private or not, a person's or an organisation's), its deployments (the
// conversation's deploy ledger, src/deploys/ledger.ts), and its collaborators and invitations (a
// private cohort's members, `npm run members`). It answers as GitHub does, with GitHub's status codes
// and messages: 401 without a valid token, 404 for a repository the token may not see (GitHub does not
// say it exists) or a user who does not exist, 403 when the token may not do this (a workflow token
// without `deployments: write`, a token without "Administration"), 422 for a request GitHub refuses,
// 201 for something new, 204 when there was nothing to do.
// https://docs.github.com/en/rest/deployments/deployments
// https://docs.github.com/en/rest/collaborators/collaborators
// https://docs.github.com/en/rest/collaborators/invitations
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  administrable,
  deployment,
  deploymentsWritable,
  fullName,
  readable,
  type Repository,
  type State,
} from "./state.ts";

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

  const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!match)
    return send(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
  const repo = state.repositories.find((r) => fullName(r).toLowerCase() === `${match[1]}/${match[2]}`.toLowerCase());
  if (!repo || !readable(state, token, repo))
    return send(res, 404, { message: "Not Found", documentation_url: docs, status: "404" });
  const path = match[3] ?? "";
  if (path === "" && req.method === "GET") return send(res, 200, repositoryJson(repo));
  if (path.startsWith("/collaborators") || path.startsWith("/invitations"))
    return members(state, token, repo, req.method ?? "GET", path, text, res, now);
  if (path !== "/deployments")
    return send(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });

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

const user = (login: string) => ({
  login,
  id: login.length * 1000,
  type: "User",
  html_url: `https://github.com/${login}`,
});

/** GET /repos/{owner}/{repo}: what the commands read of it. */
function repositoryJson(repo: Repository) {
  return {
    id: 1,
    full_name: fullName(repo),
    name: repo.name,
    private: repo.isPrivate,
    visibility: repo.isPrivate ? "private" : "public",
    owner: { login: repo.owner, type: repo.ownerType },
    has_discussions: repo.hasDiscussionsEnabled,
    default_branch: repo.defaultBranch,
    html_url: `https://github.com/${fullName(repo)}`,
  };
}

const roleName = { read: "read", write: "write", admin: "admin" } as const;
const permissionsOf = (permission: "read" | "write" | "admin") => ({
  pull: true,
  triage: permission !== "read",
  push: permission !== "read",
  maintain: permission === "admin",
  admin: permission === "admin",
});

const noContent = (res: ServerResponse): number => {
  res.writeHead(204).end();
  return 204;
};

/** Collaborators and invitations of a repository: managing them needs "Administration" (403 without). */
function members(
  state: State,
  token: string,
  repo: Repository,
  method: string,
  path: string,
  text: string,
  res: ServerResponse,
  now: () => string,
): number {
  const collaboratorDocs = "https://docs.github.com/rest/collaborators/collaborators";
  if (!administrable(state, token, repo))
    return send(res, 403, {
      message: "Resource not accessible by personal access token",
      documentation_url: collaboratorDocs,
      status: "403",
    });
  const exists = (login: string) => !state.users || state.users.some((u) => u.toLowerCase() === login.toLowerCase());

  if (path.split("?")[0] === "/collaborators" && method === "GET") {
    const everyone = [{ login: repo.owner, permission: "admin" as const }, ...repo.collaborators];
    return send(
      res,
      200,
      everyone.map((c) => ({
        ...user(c.login),
        role_name: roleName[c.permission],
        permissions: permissionsOf(c.permission),
      })),
    );
  }
  if (path.split("?")[0] === "/invitations" && method === "GET")
    return send(
      res,
      200,
      repo.invitations.map((i) => ({
        id: i.id,
        invitee: user(i.invitee),
        permissions: i.permission,
        created_at: i.created_at,
        html_url: `https://github.com/${fullName(repo)}/invitations`,
      })),
    );
  const invitation = /^\/invitations\/(\d+)$/.exec(path);
  if (invitation && method === "DELETE") {
    repo.invitations = repo.invitations.filter((i) => i.id !== Number(invitation[1]));
    return noContent(res);
  }
  const collaborator = /^\/collaborators\/([^/]+)$/.exec(path);
  if (!collaborator)
    return send(res, 404, { message: "Not Found", documentation_url: collaboratorDocs, status: "404" });
  const login = decodeURIComponent(collaborator[1]!);
  const known = repo.collaborators.find((c) => c.login.toLowerCase() === login.toLowerCase());
  if (method === "PUT") {
    if (!exists(login))
      return send(res, 404, { message: "Not Found", documentation_url: collaboratorDocs, status: "404" });
    let body: { permission?: unknown } = {};
    try {
      body = JSON.parse(text || "{}") as { permission?: unknown };
    } catch {
      return send(res, 400, { message: "Problems parsing JSON", documentation_url: collaboratorDocs, status: "400" });
    }
    const asked = body.permission ?? "push";
    if (!["pull", "triage", "push", "maintain", "admin"].includes(String(asked)))
      return send(res, 422, {
        message: "Validation Failed",
        errors: [{ resource: "Repository", field: "permission", code: "invalid" }],
        documentation_url: collaboratorDocs,
        status: "422",
      });
    if (known || login.toLowerCase() === repo.owner.toLowerCase()) return noContent(res);
    // The permission only applies to an organisation's repository: a person's collaborators can write.
    const permission =
      repo.ownerType === "Organization" ? (asked === "pull" ? "read" : asked === "admin" ? "admin" : "write") : "write";
    const pending = repo.invitations.find((i) => i.invitee.toLowerCase() === login.toLowerCase());
    const made = pending ?? { id: 900 + repo.invitations.length, invitee: login, permission, created_at: now() };
    if (!pending) repo.invitations.push(made);
    return send(res, 201, {
      id: made.id,
      invitee: user(made.invitee),
      permissions: made.permission,
      created_at: made.created_at,
      html_url: `https://github.com/${fullName(repo)}/invitations`,
    });
  }
  if (method === "DELETE") {
    repo.collaborators = repo.collaborators.filter((c) => c !== known);
    return noContent(res);
  }
  return send(res, 404, { message: "Not Found", documentation_url: collaboratorDocs, status: "404" });
}
