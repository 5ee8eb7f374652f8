// The GitHub Actions the project ships: valid for GitHub's workflow schema (@action-validator/cli,
// which a misspelt key fails), with only the permissions they need, running our commands (what
// `npm run rebuild` does is tested in test/deploys/rebuild.build.test.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import YAML from "yaml";
import { repoRoot } from "../support/site.ts";
import { SCHEDULE_HOURS } from "../../src/deploys/settings.ts";

const dir = join(repoRoot, ".github/workflows");
const validator = join(repoRoot, "node_modules/@action-validator/cli/cli.mjs");
const read = (name: string) => readFileSync(join(dir, name), "utf8");
const parsed = (name: string) => YAML.parse(read(name)) as Record<string, any>;

function validate(text: string): { status: number; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), "hoedoededa-workflow-")), "workflow.yml");
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, [validator, file], { encoding: "utf8" });
  return { status: run.status ?? 1, output: run.stdout + run.stderr };
}

describe("the shipped workflows", () => {
  test("are the two the manual describes", () => {
    expect(readdirSync(dir).sort()).toEqual(["discussions.yml", "rebuild.yml"]);
  });

  test.each(["discussions.yml", "rebuild.yml"])("%s passes the workflow validator", (name) => {
    const { status, output } = validate(read(name));
    expect(output).not.toMatch(/"errors"/);
    expect(status).toBe(0);
  });

  test("the validator fails a workflow GitHub would refuse (so the test above can fail)", () => {
    expect(validate(read("discussions.yml").replace("  discussions: write", "  discusions: write")).status).toBe(1);
    expect(validate(read("rebuild.yml").replace("discussion_comment:", "discussion_coment:")).status).toBe(1);
    expect(validate(read("rebuild.yml").replace("    runs-on: ubuntu-latest\n", "")).status).toBe(1);
  });
});

describe("discussions.yml", () => {
  const workflow = parsed("discussions.yml");
  const job = workflow.jobs.discussions;

  test("runs on a push to the default branch only, with only contents: read and discussions: write", () => {
    expect(Object.keys(workflow.on)).toEqual(["push", "workflow_dispatch"]);
    expect(workflow.on.push.paths).toContain("content/**");
    expect(job.if).toBe("github.ref_name == github.event.repository.default_branch");
    expect(workflow.permissions).toEqual({ contents: "read", discussions: "write" });
    expect(job.permissions).toBeUndefined();
  });

  test("installs with npm ci, then runs npm run discussions with DISCUSSIONS_TOKEN when set, else GITHUB_TOKEN", () => {
    const runs = job.steps.map((s: { run?: string }) => s.run).filter(Boolean);
    expect(runs).toEqual(["npm ci --no-audit --no-fund", "npm run discussions"]);
    const step = job.steps.find((s: { run?: string }) => s.run === "npm run discussions");
    expect(step.env).toEqual({
      DISCUSSIONS_TOKEN: "${{ secrets.DISCUSSIONS_TOKEN }}",
      GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}",
    });
  });

  test("never runs twice at once (each run sees what the one before created), and uses netlify.toml's Node", () => {
    expect(workflow.concurrency).toEqual({ group: "discussions", "cancel-in-progress": false });
    const node = readFileSync(join(repoRoot, "netlify.toml"), "utf8").match(/NODE_VERSION = "([^"]+)"/)![1];
    expect(
      job.steps.find((s: { uses?: string }) => s.uses?.startsWith("actions/setup-node")).with["node-version"],
    ).toBe(node);
  });
});

describe("rebuild.yml", () => {
  const workflow = parsed("rebuild.yml");
  const job = workflow.jobs.rebuild;

  test("runs on responses created, edited or deleted, on a schedule and by hand — the schedule never deploys by itself", () => {
    expect(workflow.on.discussion).toEqual({ types: ["created", "edited", "deleted"] });
    expect(workflow.on.discussion_comment).toEqual({ types: ["created", "edited", "deleted"] });
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    // Every run decides; no step calls Netlify but the command, which deploys only what changed.
    const runs = job.steps.map((s: { run?: string }) => s.run).filter(Boolean);
    expect(runs).toEqual(["npm ci --omit=dev --no-audit --no-fund", "npm run rebuild"]);
    expect(read("rebuild.yml")).not.toMatch(/curl|build_hooks/);
  });

  test("its schedule is the rhythm the decision and the simulation count with", () => {
    expect(workflow.on.schedule).toEqual([{ cron: `17 */${SCHEDULE_HOURS} * * *` }]);
  });

  test("one decision at a time, never cancelled half-way; only the permissions it needs", () => {
    expect(workflow.concurrency).toEqual({ group: "netlify-rebuild", "cancel-in-progress": false });
    expect(workflow.permissions).toEqual({ contents: "read", deployments: "write", discussions: "read" });
    expect(job.permissions).toBeUndefined();
  });

  test("checks out the history (for the pushes), installs without the development tools, passes the secrets", () => {
    expect(job.steps[0]).toEqual({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    const node = readFileSync(join(repoRoot, "netlify.toml"), "utf8").match(/NODE_VERSION = "([^"]+)"/)![1];
    expect(
      job.steps.find((s: { uses?: string }) => s.uses?.startsWith("actions/setup-node")).with["node-version"],
    ).toBe(node);
    const step = job.steps.find((s: { run?: string }) => s.run === "npm run rebuild");
    expect(step.env).toEqual({
      NETLIFY_BUILD_HOOK: "${{ secrets.NETLIFY_BUILD_HOOK }}",
      DISCUSSIONS_TOKEN: "${{ secrets.DISCUSSIONS_TOKEN }}",
      GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}",
    });
  });
});
