// `npm run members` against the GitHub stand-in's REST side, which answers with GitHub's status codes
// (201 a new invitation, 204 already a collaborator, 404 no such user, 403 a token without
// "Administration"): what each call does to the repository, and every line the facilitator reads.
import { afterAll, describe, expect, test } from "vitest";
import { startGitHubStandIn, type RepositorySeed, type Scenario } from "../support/github-standin.ts";
import { runScript } from "../support/cli.ts";
import { siteYamlWithComments, tempProject } from "../support/site.ts";
import { discard } from "../support/html.ts";

const TOKEN = "github_pat_membersSecret0123456789";
const conversation = (seed: Partial<RepositorySeed> = {}): RepositorySeed => ({
  repo: "org/reacties",
  isPrivate: true,
  ownerType: "Organization",
  categories: [{ id: "DIC_kwDOtest", name: "Reacties" }],
  collaborators: [{ login: "bob", permission: "read" }],
  invitations: [{ invitee: "carla", permission: "read", created_at: "2026-11-30T10:00:00Z" }],
  ...seed,
});

const roots: string[] = [];
afterAll(() => roots.forEach((root) => discard({ root })));
const project = (privateSite = true) => {
  const root = tempProject({
    files: {
      "_data/site.yaml": siteYamlWithComments().replace(
        /\ngiscus:/,
        `\n${privateSite ? "private: true\n" : ""}giscus:`,
      ),
    },
  });
  roots.push(root);
  return root;
};

async function members(args: string[], scenario: Partial<Scenario> = {}, root = project()) {
  const github = await startGitHubStandIn({
    tokens: { [TOKEN]: { login: "marjan", read: ["org/reacties"], admin: ["org/reacties"] } },
    repositories: [conversation()],
    users: ["alice", "bob", "carla", "dirk", "marjan"],
    ...scenario,
  });
  try {
    const run = runScript(root, "members", args, { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.restUrl });
    const state = await github.state();
    const repo = state.repositories.find((r) => r.name === "reacties")!;
    return { ...run, repo, requests: await github.requests(), output: run.stdout + run.stderr };
  } finally {
    github.close();
  }
}

describe("npm run members add", () => {
  test("invites with the read role, says who already has access and who does not exist, and to add them to SITE_USERS", async () => {
    const run = await members(["add", "alice", "bob", "alise"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([
      "Invited alice (read): they accept the invitation GitHub e-mails them, or at https://github.com/org/reacties/invitations.",
      "bob already has access.",
      'There is no GitHub account named "alise" — check the spelling with them.',
      'Give each of them a key to the site too: in Netlify, add name:password to SITE_USERS (docs/privacy.md, "Iemand toevoegen of weghalen").',
    ]);
    expect(run.repo.invitations.map((i) => [i.invitee, i.permission])).toEqual([
      ["carla", "read"],
      ["alice", "read"],
    ]);
    expect(run.output).not.toContain(TOKEN);
  });

  test("on a person's repository: says that GitHub gives every collaborator write access, and recommends an organisation", async () => {
    const own = tempProject({
      files: {
        "_data/site.yaml": siteYamlWithComments()
          .replace("org/reacties", "marjan/reacties")
          .replace(/\ngiscus:/, "\nprivate: true\ngiscus:"),
      },
    });
    roots.push(own);
    const scenario = {
      repositories: [conversation({ ownerType: "User", repo: "marjan/reacties" })],
      tokens: { [TOKEN]: { login: "marjan", admin: ["marjan/reacties"] } },
    };
    const person = await members(["add", "dirk"], scenario, own);
    expect(person.status, person.stderr).toBe(0);
    expect(person.stdout).toMatch(
      /^marjan\/reacties belongs to a person \(marjan\), and GitHub gives every collaborator of a person's repository write access/,
    );
    expect(person.stdout).toContain("Invited dirk (write)");
    expect(person.repo.invitations.find((i) => i.invitee === "dirk")?.permission).toBe("write");
  });

  test("a token without Administration: which permission, where to grant it, and nothing changed — without printing the token", async () => {
    const run = await members(["add", "alice"], { tokens: { [TOKEN]: { login: "marjan", read: ["org/reacties"] } } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "GITHUB_TOKEN may not manage who has access to org/reacties (403). Nothing was changed.",
    );
    expect(run.stderr).toContain('"Administration: Read and write"');
    expect(run.stderr).toContain("https://github.com/settings/personal-access-tokens/new");
    expect(run.repo.invitations.map((i) => i.invitee)).toEqual(["carla"]);
    expect(run.output).not.toContain(TOKEN);
  });

  test("GitHub's rate limit: until when", async () => {
    const run = await members(["add", "alice"], { failure: { mode: "rate-limit" } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^GitHub's API rate limit is used up until \d\d:\d\d UTC\./);
  });

  test("a name that cannot be a GitHub account is refused before GitHub is asked", async () => {
    const run = await members(["add", "@sanne", "jan de vries"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('"@sanne", "jan de vries" are not a GitHub user name');
    expect(run.requests).toEqual([]);
  });
});

describe("npm run members remove and list", () => {
  test("removes a member, withdraws an invitation, says who had neither, and to take them out of SITE_USERS", async () => {
    const run = await members(["remove", "bob", "carla", "dirk"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([
      "bob no longer has access.",
      "Withdrew the invitation of carla.",
      "dirk had no access and no invitation to org/reacties.",
      'Take their key to the site away too: in Netlify, remove their name:password from SITE_USERS (docs/privacy.md, "Iemand toevoegen of weghalen").',
    ]);
    expect(run.repo.collaborators).toEqual([]);
    expect(run.repo.invitations).toEqual([]);
  });

  test("lists who has access and who has not accepted yet", async () => {
    const run = await members(["list"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([
      "Who has access to org/reacties's conversation (an organisation's repository):",
      "  org       owner",
      "  bob       read ",
      "  carla     read   invited 2026-11-30, not accepted yet",
      "2 with access, 1 invited and waiting.",
    ]);
  });
});

describe("refusals", () => {
  test("a public site has no members", async () => {
    const run = await members(["list"], {}, project(false));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^Members are a private cohort's: content\/_data\/site\.yaml does not say private: true/,
    );
  });

  test("a public repository cannot hold a private cohort's conversation", async () => {
    const run = await members(["add", "alice"], { repositories: [conversation({ isPrivate: false })] });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^org\/reacties is public: anyone can read its discussions/);
    expect(run.repo.invitations.map((i) => i.invitee)).toEqual(["carla"]);
  });
});
