// The GitHub Actions the project ships: valid for GitHub's workflow schema (@action-validator/cli,
// which a misspelt key fails), with only the permissions they need, and the rebuild step's shell
// script run for real: quiet with a notice without the secret, one POST to the hook with it.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import YAML from "yaml";
import { repoRoot } from "../support/site.ts";

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
  const step = workflow.jobs.rebuild.steps[0];

  test("runs on discussions and comments created, edited or deleted, daily, and by hand; one build per burst", () => {
    expect(workflow.on.discussion).toEqual({ types: ["created", "edited", "deleted"] });
    expect(workflow.on.discussion_comment).toEqual({ types: ["created", "edited", "deleted"] });
    expect(workflow.on.schedule).toEqual([{ cron: "17 4 * * *" }]);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    expect(workflow.concurrency).toEqual({ group: "netlify-rebuild", "cancel-in-progress": true });
    expect(workflow.permissions).toEqual({});
    expect(step.env.NETLIFY_BUILD_HOOK).toBe("${{ secrets.NETLIFY_BUILD_HOOK }}");
  });

  /** Runs the step's script with bash, as the runner does, with the secret as the workflow passes it. */
  function runStep(
    hook: string,
  ): Promise<{ status: number; stdout: string; stderr: string; posts: { method: string; body: string }[] }> {
    return new Promise((resolve) => {
      const posts: { method: string; body: string }[] = [];
      const server = createServer((req, res) => {
        let body = "";
        req.on("data", (chunk) => (body += chunk));
        req.on("end", () => {
          posts.push({ method: req.method!, body });
          res.writeHead(req.url === "/broken" ? 404 : 200).end("{}");
        });
      });
      server.listen(0, "127.0.0.1", () => {
        const port = (server.address() as { port: number }).port;
        const url = hook && hook.replace("PORT", String(port));
        void bash(step.run, {
          ...process.env,
          NETLIFY_BUILD_HOOK: url,
          REBUILD_DELAY: "0",
          GITHUB_EVENT_NAME: "discussion_comment",
        }).then((result) => server.close(() => resolve({ ...result, posts })));
      });
    });
  }

  test("without the secret: a notice in the log, success, and no request", async () => {
    const result = await runStep("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^::notice title=No rebuild::The repository secret NETLIFY_BUILD_HOOK is not set/);
    expect(result.posts).toEqual([]);
  });

  test("with the secret: one POST to the build hook", async () => {
    const result = await runStep("http://127.0.0.1:PORT/build_hooks/abc");
    expect(result).toMatchObject({ status: 0, stderr: "" });
    expect(result.stdout).toBe("Netlify was asked to rebuild the site (discussion_comment).\n");
    expect(result.posts).toEqual([{ method: "POST", body: "{}" }]);
  });

  test("a build hook that fails makes the run fail, so it shows in GitHub", async () => {
    const result = await runStep("http://127.0.0.1:PORT/broken");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/404/);
  });
});

/** bash -e, as GitHub's runner runs a `run:` script; asynchronously, as the stand-in for Netlify runs in this process. */
function bash(script: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status: status ?? 1, stdout, stderr }));
  });
}
