// netlify.toml's `[build] ignore`, run as Netlify runs it (`node scripts/ignore-build.mjs` in the
// repository, with CONTEXT, CACHED_COMMIT_REF and COMMIT_REF set) in a real git repository, over
// commits that change what the site shows and commits that do not. Exit 0 skips the build.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "smol-toml";
import { readFileSync } from "node:fs";
import { repoRoot } from "../support/site.ts";

const script = join(repoRoot, "scripts/ignore-build.mjs");
let repo: string;
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" }).trim();

/** Writes `files` (path → text; null removes), commits them, and returns the commit. */
function commit(files: Record<string, string | null>, message = "change"): string {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(repo, path));
    else {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
  }
  git("add", "-A");
  git("commit", "-q", "-m", message);
  return git("rev-parse", "HEAD");
}

/** What the ignore command says for a build of `head` after `base`, in `context`. */
function ignore(base: string, head: string, env: Record<string, string> = {}): { skipped: boolean; said: string } {
  const run = spawnSync(process.execPath, [script], {
    cwd: repo,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CONTEXT: "production",
      CACHED_COMMIT_REF: base,
      COMMIT_REF: head,
      ...env,
    },
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return { skipped: run.status === 0, said: run.stdout.trim() };
}

const postText = (title: string, draft = false) =>
  `---\ntitle: ${title}\ndate: 2026-12-01\nauthor: marjan\n${draft ? "draft: true\n" : ""}---\n\nTekst.\n`;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "hoedoededa-ignore-"));
  git("init", "-q", "-b", "main");
  git("config", "user.email", "test@example.org");
  git("config", "user.name", "Test");
  commit(
    {
      "content/posts/welkom.md": postText("Welkom"),
      "README.md": "# Site\n",
      "layouts/base.njk": "<html></html>\n",
      "package.json": "{}\n",
    },
    "start",
  );
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("a production build after commits that change nothing the site shows is skipped", () => {
  test.each([
    ["the README", { "README.md": "# Site\n\nMeer uitleg.\n" }],
    ["the manual and a test", { "docs/kosten.md": "# Kosten\n", "test/x.unit.test.ts": "// x\n" }],
    [
      "a workflow and the house style",
      { ".github/workflows/rebuild.yml": "name: x\n", ".editorconfig": "root = true\n" },
    ],
    ["a new draft", { "content/posts/later.md": postText("Later", true) }],
  ])("%s", (_name, files) => {
    const base = git("rev-parse", "HEAD");
    const head = commit(files as Record<string, string>);
    const { skipped, said } = ignore(base, head);
    expect(said).toMatch(/^\[hoedoededa\] Skipping this build: nothing the site shows changed/);
    expect(skipped).toBe(true);
  });

  test("a draft edited as a draft, and a draft removed", () => {
    const base = git("rev-parse", "HEAD");
    commit({ "content/posts/later.md": postText("Later, herschreven", true) });
    const head = commit({ "content/posts/later.md": null });
    expect(ignore(base, head).skipped).toBe(true);
  });
});

describe("every commit that changes the site builds", () => {
  test.each([
    ["a post", { "content/posts/welkom.md": postText("Welkom in de leergang") }],
    ["a layout", { "layouts/base.njk": "<html lang=nl></html>\n" }],
    ["the dependencies", { "package.json": '{"name":"x"}\n' }],
    ["the README and a post together", { "README.md": "# Site!\n", "content/posts/welkom.md": postText("Welkom!") }],
    [
      "a draft published",
      { "content/posts/gepubliceerd.md": postText("Gepubliceerd", true) },
      { "content/posts/gepubliceerd.md": postText("Gepubliceerd") },
    ],
    [
      "a published post made a draft",
      { "content/posts/terug.md": postText("Terug") },
      { "content/posts/terug.md": postText("Terug", true) },
    ],
    ["a file it does not know", { "netlify.toml": "[build]\n" }],
  ])("%s", (_name, first, second?) => {
    const base = git("rev-parse", "HEAD");
    let head = commit(first as Record<string, string>);
    const from = second ? head : base;
    if (second) head = commit(second as Record<string, string>);
    const { skipped, said } = ignore(from, head);
    expect(said).toMatch(/^\[hoedoededa\] Building: the site changes: /);
    expect(skipped).toBe(false);
  });
});

describe("never skipped", () => {
  const readmeOnly = () => {
    const base = git("rev-parse", "HEAD");
    return [base, commit({ "README.md": `# Site ${base}\n` })] as const;
  };

  test("a deploy preview or a branch deploy (free), whatever changed", () => {
    const [base, head] = readmeOnly();
    expect(ignore(base, head, { CONTEXT: "deploy-preview" }).skipped).toBe(false);
    expect(ignore(base, head, { CONTEXT: "branch-deploy" }).skipped).toBe(false);
  });

  test("a build hook: the conversation asked for it", () => {
    const [base, head] = readmeOnly();
    const { skipped, said } = ignore(base, head, {
      INCOMING_HOOK_URL: "https://api.netlify.com/build_hooks/x",
      INCOMING_HOOK_TITLE: "Reacties",
    });
    expect(said).toContain("a build hook asked for it");
    expect(skipped).toBe(false);
  });

  test("the same commit again (a first build, a cleared cache, a deploy by hand), or one git does not have", () => {
    const head = git("rev-parse", "HEAD");
    expect(ignore(head, head).skipped).toBe(false);
    expect(ignore("", head).skipped).toBe(false);
    const { skipped, said } = ignore("0123456789abcdef0123456789abcdef01234567", head);
    expect(said).toContain("git could not compare");
    expect(skipped).toBe(false);
  });
});

test("netlify.toml runs this command as its [build] ignore", () => {
  const toml = parse(readFileSync(join(repoRoot, "netlify.toml"), "utf8")) as { build: { ignore?: string } };
  expect(toml.build.ignore).toBe("node scripts/ignore-build.mjs");
});
