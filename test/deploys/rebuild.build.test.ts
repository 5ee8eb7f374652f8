// `npm run rebuild` as the workflow runs it, against the GitHub stand-in (GraphQL for the discussions,
// REST for the deploy ledger: deployments with GitHub's status codes) and a stand-in for Netlify's
// build hook: what it decides, what it records, what it asks Netlify, and what it says — in the log
// and in the workflow's summary — when it deploys, when it waits, when the budget is spent, and when
// it cannot see what it needs.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { discussionMarker } from "../../src/comments/discussion.ts";
import { LEDGER_ENVIRONMENT } from "../../src/deploys/ledger.ts";
import {
  startGitHubStandIn,
  type DeploymentSeed,
  type GitHubStandIn,
  type Scenario,
} from "../support/github-standin.ts";
import { commandLine, type Run } from "../support/cli.ts";
import { cleanEnv } from "../support/env.ts";
import { siteYamlWithComments, tempProject } from "../support/site.ts";

const TOKEN = "ghs_workflowToken0123456789abcdef";
const NOW = "2026-12-10T12:00:00Z";
const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString().replace(/\.\d+Z$/, "Z");
const hoursAgo = (h: number) => minutesAgo(h * 60);

/** The example's welcome post's discussion, with responses at the given moments. */
function scenario(options: {
  responses: string[];
  edited?: string;
  deployments?: DeploymentSeed[];
  token?: Scenario["tokens"][string];
}): Scenario {
  return {
    now: NOW,
    tokens: {
      [TOKEN]: options.token ?? { login: "github-actions[bot]", deployments: ["org/site"], read: ["org/site"] },
    },
    repositories: [
      { repo: "org/site", isPrivate: true, deployments: options.deployments ?? [] },
      {
        repo: "org/reacties",
        categories: [{ id: "DIC_kwDOtest", name: "Reacties" }],
        discussions: [
          {
            number: 1,
            title: "posts/welkom-in-de-leergang/",
            body: `Reacties.\n\n${discussionMarker("posts/welkom-in-de-leergang/")}`,
            category: "Reacties",
            comments: options.responses.map((at, i) => ({
              author: `deelnemer${i}`,
              body: `Reactie ${i}`,
              createdAt: at,
              ...(options.edited && i === 0 ? { updatedAt: options.edited } : {}),
            })),
          },
        ],
      },
    ],
  };
}

/** Netlify's build hook, recording what it was asked. */
let hook: Server;
let hookUrl = "";
const hookCalls: string[] = [];
let hookStatus = 200;

beforeAll(async () => {
  hook = createServer((req, res) => {
    hookCalls.push(`${req.method} ${req.url}`);
    res.writeHead(hookStatus).end("");
  });
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/build_hooks/abc123`;
});
afterAll(() => hook.close());

interface Outcome {
  run: Run;
  summary: string;
  github: GitHubStandIn;
  ledger: { environment: string; payload: unknown; created_at: string }[];
  hooks: string[];
}

const projects: string[] = [];
afterAll(() => projects.forEach((root) => rmSync(root, { recursive: true, force: true })));

async function rebuild(s: Scenario, env: Record<string, string> = {}, project?: string): Promise<Outcome> {
  const github = await startGitHubStandIn(s);
  const root = project ?? tempProject({ files: { "_data/site.yaml": siteYamlWithComments() } });
  projects.push(root);
  const summaryFile = join(mkdtempSync(join(tmpdir(), "hoedoededa-summary-")), "summary.md");
  hookCalls.length = 0;
  try {
    const run = await runAsync(root, {
      HOEDOEDEDA_NOW: NOW,
      GITHUB_TOKEN: TOKEN,
      GITHUB_REPOSITORY: "org/site",
      GITHUB_REF_NAME: "main",
      GITHUB_API_URL: github.restUrl,
      GITHUB_GRAPHQL_URL: github.url,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTIONS: "true",
      NETLIFY_BUILD_HOOK: hookUrl,
      ...env,
    });
    let summary = "";
    try {
      summary = readFileSync(summaryFile, "utf8");
    } catch {
      // No summary written.
    }
    const state = await github.state();
    const ledger = state.repositories.find((r) => `${r.owner}/${r.name}` === "org/site")!.deployments;
    return { run, summary, github, ledger, hooks: [...hookCalls] };
  } finally {
    github.close();
  }
}

/** The command as npm runs it, without blocking this process: Netlify's stand-in answers from here. */
function runAsync(root: string, env: Record<string, string>): Promise<Run> {
  const started = Date.now();
  const [node, args] = commandLine(root, "rebuild");
  return new Promise((resolve) => {
    const child = spawn(node, args, { cwd: root, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status: status ?? 1, stdout, stderr, ms: Date.now() - started }));
  });
}

describe("npm run rebuild", () => {
  test("responses since the last deploy, an hour quiet: it records the deploy, then asks Netlify once, and says so", async () => {
    const { run, summary, ledger, hooks } = await rebuild(
      scenario({
        responses: [hoursAgo(5), hoursAgo(3)],
        deployments: [{ environment: LEDGER_ENVIRONMENT, created_at: hoursAgo(72) }],
      }),
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      "Deploying: what the site shows of the conversation changed (2 new or edited since the last deploy). 2 of 12 conversation deploys in the last 31 days, this one included.",
    );
    expect(run.stdout).toContain("Netlify was asked for a production deploy.");
    expect(hooks).toEqual([`POST /build_hooks/abc123?trigger_title=Reacties+bijgewerkt+%28hoedoededa%29`]);
    expect(ledger).toHaveLength(2);
    expect(ledger[1]).toMatchObject({
      environment: LEDGER_ENVIRONMENT,
      created_at: NOW,
      payload: { fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) },
    });
    expect(summary).toMatch(/^## Conversation deploys\n\n- Deploying: /);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  test("the same conversation again, or a response's words edited (no count changes): nothing to deploy", async () => {
    const first = await rebuild(scenario({ responses: [hoursAgo(5)] }));
    expect(first.hooks).toHaveLength(1);
    const fingerprint = (first.ledger[0]!.payload as { fingerprint: string }).fingerprint;
    const again = await rebuild(
      scenario({
        responses: [hoursAgo(5)],
        edited: minutesAgo(90),
        deployments: [{ environment: LEDGER_ENVIRONMENT, created_at: hoursAgo(4), payload: { fingerprint } }],
      }),
    );
    expect(again.run.stdout).toContain("No deploy: nothing the site shows changed since the last deploy.");
    expect(again.hooks).toEqual([]);
    expect(again.ledger).toHaveLength(1);
  });

  test("a private cohort's site mirrors the whole conversation: an edit that changes no count is a change to deploy", async () => {
    const privateSite = () =>
      tempProject({
        files: { "_data/site.yaml": siteYamlWithComments().replace(/\ngiscus:/, "\nprivate: true\ngiscus:") },
      });
    const first = await rebuild(scenario({ responses: [hoursAgo(80)] }), {}, privateSite());
    expect(first.hooks).toHaveLength(1);
    const fingerprint = (first.ledger[0]!.payload as { fingerprint: string }).fingerprint;
    const ledger = [{ environment: LEDGER_ENVIRONMENT, created_at: hoursAgo(72), payload: { fingerprint } }];
    const same = await rebuild(scenario({ responses: [hoursAgo(80)], deployments: ledger }), {}, privateSite());
    expect(same.run.stdout).toContain("No deploy: nothing the site shows changed since the last deploy.");
    const edited = await rebuild(
      scenario({ responses: [hoursAgo(80)], edited: hoursAgo(3), deployments: ledger }),
      {},
      privateSite(),
    );
    expect(edited.run.stdout).toContain(
      "Deploying: what the site shows of the conversation changed (1 new or edited since the last deploy).",
    );
    expect(edited.hooks).toHaveLength(1);
  });

  test("a burst still going on: it waits for a quiet hour and says until when at the latest", async () => {
    const { run, hooks } = await rebuild(scenario({ responses: [minutesAgo(40), minutesAgo(10)] }));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "Not yet: responses are still coming in (2 since the last deploy); the deploy waits for a quiet hour, until 2026-12-10 12:50 UTC at the latest.",
    );
    expect(hooks).toEqual([]);
  });

  test("the last deploy less than two days ago: not yet, and from when", async () => {
    const { run, hooks } = await rebuild(
      scenario({
        responses: [hoursAgo(5)],
        deployments: [
          { environment: LEDGER_ENVIRONMENT, created_at: hoursAgo(10), payload: { fingerprint: "0000000000000000" } },
        ],
      }),
    );
    expect(run.stdout).toContain(
      "Not yet: the last deploy was less than 48 hours ago (deploys: minHoursApart). The next is allowed from 2026-12-12 02:00 UTC.",
    );
    expect(hooks).toEqual([]);
  });

  test("the budget spent: no deploy, a warning in the workflow, until when, and that pushes still deploy", async () => {
    const deployments = Array.from({ length: 12 }, (_, i) => ({
      environment: LEDGER_ENVIRONMENT,
      created_at: hoursAgo(60 + i * 48),
      payload: { fingerprint: "0000000000000000" },
    }));
    const { run, summary, hooks } = await rebuild(scenario({ responses: [hoursAgo(5)], deployments }));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "::warning title=Deploy budget spent::No deploy: the budget is spent — 12 of 12 conversation deploys in the last 31 days (deploys: perMonth in site.yaml). 1 new or edited response waits for the next deploy, allowed from 2026-12-17 00:00 UTC.",
    );
    expect(summary).toContain("The facilitator's own pushes still deploy");
    expect(hooks).toEqual([]);
  });

  test("a push deployed the site after the responses: they are on it already", async () => {
    const root = tempProject({ files: { "_data/site.yaml": siteYamlWithComments() } });
    const git = (args: string[], env: Record<string, string> = {}) =>
      execFileSync("git", args, { cwd: root, env: { ...process.env, ...env } });
    git(["init", "-q", "-b", "main"]);
    git(["-c", "user.email=t@example.org", "-c", "user.name=T", "add", "-A"]);
    // The post's push, committed an hour ago, after the responses.
    git(["-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-q", "-m", "Een nieuw bericht"], {
      GIT_COMMITTER_DATE: hoursAgo(1),
      GIT_AUTHOR_DATE: hoursAgo(1),
    });
    const { run, hooks } = await rebuild(scenario({ responses: [hoursAgo(5), hoursAgo(3)] }), {}, root);
    expect(run.stdout).toContain("No deploy: nothing the site shows changed since the last deploy.");
    expect(run.stdout).toMatch(/Last deploys: a push at 2026-12-10 11:00 UTC\./);
    expect(hooks).toEqual([]);
  });

  test("without NETLIFY_BUILD_HOOK: a notice, success, and nothing asked of GitHub or Netlify", async () => {
    const { run, summary, hooks, github } = await rebuild(scenario({ responses: [hoursAgo(5)] }), {
      NETLIFY_BUILD_HOOK: "",
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("The repository secret NETLIFY_BUILD_HOOK is not set");
    expect(summary).toContain("NETLIFY_BUILD_HOOK is not set");
    expect(hooks).toEqual([]);
    void github;
  });

  test("a ledger it cannot read: it asks for nothing and fails, so GitHub tells the owner", async () => {
    const { run, hooks } = await rebuild(scenario({ responses: [hoursAgo(5)], token: { login: "x", read: [] } }));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^No deploy: GitHub has nothing at GET \/repos\/org\/site\/deployments.* \(404\)\. Without its ledger and the conversation this command cannot keep the budget, so it asks for nothing\./,
    );
    expect(hooks).toEqual([]);
  });

  test("a token that may not write deployments: the deploy cannot be recorded, so Netlify is not asked", async () => {
    const { run, hooks, ledger } = await rebuild(
      scenario({ responses: [hoursAgo(5)], token: { login: "x", read: ["org/site"] } }),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "No deploy: the deploy could not be recorded (GitHub refused GITHUB_TOKEN (403: Resource not accessible by integration)) — the workflow needs permissions: deployments: write.",
    );
    expect(hooks).toEqual([]);
    expect(ledger).toEqual([]);
  });

  test("a build hook that fails: the run fails (GitHub shows it), and the recorded deploy counts", async () => {
    hookStatus = 404;
    try {
      const { run, ledger } = await rebuild(scenario({ responses: [hoursAgo(5)] }));
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        "Netlify's build hook answered 404: is NETLIFY_BUILD_HOOK still the hook's address? The deploy is recorded and counts against the budget.",
      );
      expect(ledger).toHaveLength(1);
    } finally {
      hookStatus = 200;
    }
  });
});
