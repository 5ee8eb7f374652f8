// `npm run members -- add <github-user>… | remove <github-user>… | list`: who may read and write a
// private cohort's conversation — the collaborators of the private repository its discussions live
// in (site.yaml's `giscus.repo`). It invites with the read role where the owner allows it (an
// organisation; on a person's repository every collaborator can write, GitHub's rule), removes people
// and withdraws invitations, and lists who has access and who has not accepted yet. The site's own
// door is SITE_USERS in Netlify (docs/privacy.md); the command says to keep both lists in step, since
// it cannot change Netlify's settings. https://docs.github.com/en/rest/collaborators/collaborators
import { loadContent } from "../content/load.ts";
import { makePrivate } from "../comments/github.ts";
import { commentsSetup } from "../comments/settings.ts";
import { GitHubError, tokenFrom } from "../github/client.ts";
import { restBaseFrom, restClient, type RestClient } from "../github/rest.ts";
import { settingsFromEnv } from "../model/build.ts";
import { formatProblem } from "../model/problems.ts";
import { ToolError } from "./tool-error.ts";

export type MembersAction = { kind: "list" } | { kind: "add" | "remove"; users: string[] };

interface RepositoryJson {
  full_name: string;
  private: boolean;
  owner: { login: string; type: "User" | "Organization" };
}

interface Collaborator {
  login: string;
  role_name?: string;
}

interface Invitation {
  id: number;
  invitee: { login: string } | null;
  permissions: string;
  created_at: string;
}

/** GitHub's rule for account names: 1–39 letters, digits and single hyphens, not starting with one. */
const isLogin = (name: string) => /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(name);

const tokenHelp = (repo: string) =>
  `Make a fine-grained token at https://github.com/settings/personal-access-tokens/new for ${repo} only, with ` +
  `"Administration: Read and write" (who has access) — and run: GITHUB_TOKEN=github_pat_… npm run members -- …`;

const siteUsersReminder = (verb: "add" | "remove") =>
  verb === "add"
    ? 'Give each of them a key to the site too: in Netlify, add name:password to SITE_USERS (docs/privacy.md, "Iemand toevoegen of weghalen").'
    : 'Take their key to the site away too: in Netlify, remove their name:password from SITE_USERS (docs/privacy.md, "Iemand toevoegen of weghalen").';

/** What had been done when a command stopped halfway: the lines so far, or nothing. */
const doneSoFar = (lines: readonly string[]) =>
  lines.length ? ` Done before this: ${lines.join(" ")}` : " Nothing was changed.";

/** What a GitHubError means for this command, in a sentence the facilitator can act on. */
function refusal(error: GitHubError, repo: string, done: string): ToolError {
  if (error.failure === "forbidden")
    return new ToolError(`GITHUB_TOKEN may not manage who has access to ${repo} (403).${done} ${tokenHelp(repo)}`);
  if (error.failure === "bad-credentials") return new ToolError(`${error.message}.${done} ${tokenHelp(repo)}`);
  return new ToolError(`${error.message}.${done}`);
}

export async function members(
  root: string,
  action: MembersAction,
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<string[]> {
  const { env = process.env } = options;
  const content = loadContent(root, settingsFromEnv(env));
  if (content.problems.length)
    throw new ToolError(
      `Fix these first (npm run check lists them too):\n${content.problems.map(formatProblem).join("\n")}`,
    );
  const { site } = content;
  if (site.private !== true)
    throw new ToolError(
      "Members are a private cohort's: content/_data/site.yaml does not say private: true. On a public site everyone can read the responses, so there is nobody to invite (docs/privacy.md).",
    );
  const setup = commentsSetup({
    ...site,
    build: { ...site.build, mode: "production", context: "production", preview: false },
  });
  if (setup.status !== "ready")
    throw new ToolError(
      'The conversation has no repository yet: run npm run setup -- <owner/name> first (docs/reacties-instellen.md, "Reacties instellen").',
    );
  const repo = setup.repo;
  const token = tokenFrom(env, ["GITHUB_TOKEN"]);
  if (!token) throw new ToolError(`GITHUB_TOKEN is not set. ${tokenHelp(repo)}`);
  if (action.kind !== "list") {
    const wrong = action.users.filter((name) => !isLogin(name));
    if (!action.users.length)
      throw new ToolError(`Whom? Give one or more GitHub user names: npm run members -- ${action.kind} sanne-de-boer`);
    if (wrong.length)
      throw new ToolError(
        `${wrong.map((w) => `"${w}"`).join(", ")} ${wrong.length === 1 ? "is" : "are"} not a GitHub user name — write the name as it is on GitHub (letters, digits and hyphens), without @ or spaces. Nothing was changed.`,
      );
  }
  const rest = restClient({ token: token.token, base: restBaseFrom(env), tokenName: token.name });

  let repository: RepositoryJson;
  try {
    repository = (await rest.request<RepositoryJson>("GET", `/repos/${repo}`)).data;
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    if (error.failure === "not-found")
      throw new ToolError(`GitHub shows no repository ${repo} to this token. ${tokenHelp(repo)}`);
    throw refusal(error, repo, "");
  }
  if (!repository.private)
    throw new ToolError(
      `${repo} is public: anyone can read its discussions, so it cannot hold a private cohort's conversation. ${makePrivate(repo)}`,
    );
  const organisation = repository.owner.type === "Organization";
  const role = organisation ? "read" : "write";
  const lines: string[] = [];
  if (!organisation && action.kind === "add")
    lines.push(
      `${repo} belongs to a person (${repository.owner.login}), and GitHub gives every collaborator of a person's repository write access: members can also edit and delete others' responses and push to the repository. An organisation (free) can give read access only — see docs/groepsruimte.md, "Stap 1: een organisatie en een privérepository".`,
    );

  if (action.kind === "list") return [...lines, ...(await listed(rest, repo, repository, organisation))];
  if (action.kind === "add") return [...lines, ...(await added(rest, repo, action.users, role))];
  return [...lines, ...(await removed(rest, repo, action.users))];
}

/** Who has access to `repo`, and who is invited and has not accepted yet (a cohort fits in GitHub's page of 100). */
async function access(
  rest: RestClient,
  repo: string,
  done: string,
): Promise<{ collaborators: Collaborator[]; invitations: Invitation[] }> {
  try {
    return {
      collaborators: (await rest.request<Collaborator[]>("GET", `/repos/${repo}/collaborators?per_page=100`)).data,
      invitations: (await rest.request<Invitation[]>("GET", `/repos/${repo}/invitations?per_page=100`)).data,
    };
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    throw refusal(error, repo, done);
  }
}

async function listed(
  rest: RestClient,
  repo: string,
  repository: RepositoryJson,
  organisation: boolean,
): Promise<string[]> {
  const { collaborators, invitations } = await access(rest, repo, "");
  const width = Math.max(
    8,
    ...collaborators.map((c) => c.login.length),
    ...invitations.map((i) => i.invitee?.login.length ?? 0),
  );
  const lines = [
    `Who has access to ${repo}'s conversation (${organisation ? "an organisation's repository" : `${repository.owner.login}'s own repository`}):`,
  ];
  for (const c of collaborators) {
    const owner = c.login.toLowerCase() === repository.owner.login.toLowerCase();
    lines.push(`  ${c.login.padEnd(width)}  ${owner ? "owner" : (c.role_name ?? "access").padEnd(5)}`);
  }
  for (const i of invitations)
    lines.push(
      `  ${(i.invitee?.login ?? "(deleted account)").padEnd(width)}  ${i.permissions.padEnd(5)}  invited ${i.created_at.slice(0, 10)}, not accepted yet`,
    );
  lines.push(`${collaborators.length} with access, ${invitations.length} invited and waiting.`);
  return lines;
}

async function added(rest: RestClient, repo: string, users: string[], role: "read" | "write"): Promise<string[]> {
  const lines: string[] = [];
  let invited = 0;
  for (const user of users) {
    let status: number;
    let message = "";
    try {
      const answer = await rest.request<{ message?: string }>(
        "PUT",
        `/repos/${repo}/collaborators/${user}`,
        { permission: "pull" },
        [404, 422],
      );
      status = answer.status;
      message = answer.data?.message ?? "";
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      throw refusal(error, repo, doneSoFar(lines));
    }
    if (status === 201) {
      invited++;
      lines.push(
        `Invited ${user} (${role}): they accept the invitation GitHub e-mails them, or at https://github.com/${repo}/invitations.`,
      );
    } else if (status === 204) lines.push(`${user} already has access.`);
    else if (status === 404) lines.push(`There is no GitHub account named "${user}" — check the spelling with them.`);
    else lines.push(`GitHub did not invite ${user}: ${message || "it refused"} (${status}).`);
  }
  if (invited) lines.push(siteUsersReminder("add"));
  return lines;
}

async function removed(rest: RestClient, repo: string, users: string[]): Promise<string[]> {
  const lines: string[] = [];
  const { collaborators, invitations } = await access(rest, repo, doneSoFar(lines));
  const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
  let gone = 0;
  for (const user of users) {
    try {
      const invitation = invitations.find((i) => same(i.invitee?.login, user));
      if (invitation) {
        await rest.request("DELETE", `/repos/${repo}/invitations/${invitation.id}`);
        lines.push(`Withdrew the invitation of ${user}.`);
        gone++;
      } else if (collaborators.some((c) => same(c.login, user))) {
        await rest.request("DELETE", `/repos/${repo}/collaborators/${user}`);
        lines.push(`${user} no longer has access.`);
        gone++;
      } else lines.push(`${user} had no access and no invitation to ${repo}.`);
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      throw refusal(error, repo, doneSoFar(lines));
    }
  }
  if (gone) lines.push(siteUsersReminder("remove"));
  return lines;
}
