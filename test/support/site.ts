// Builds a site the way `npm run build` does, in a child process so the environment (TZ, drafts,
// Netlify variables) applies exactly as on a real machine.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanEnv } from "./env.ts";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** `npm run build`'s launcher: bundles .eleventy.ts, then runs Eleventy's CLI. */
const launcher = join(repoRoot, "scripts/eleventy.mjs");

export interface BuildResult {
  /** The project folder that was built (the repo, or a temporary copy with other content). */
  root: string;
  out: string;
  status: number;
  stdout: string;
  stderr: string;
}

export interface BuildOptions {
  /** Extra environment variables, e.g. { TZ: "Pacific/Kiritimati", HOEDOEDEDA_DRAFTS: "true" }. */
  env?: Record<string, string>;
  /** Files to write over a copy of content/, relative to it: { "posts/x.md": "---\n…" }. */
  files?: Record<string, string>;
  /** Files of content/ to leave out of the copy, relative to it. */
  remove?: string[];
  /** Parts of the project to copy rather than link, so a test may edit them (e.g. `layouts`). */
  copy?: string[];
  /** Eleventy arguments besides the config (default: none). */
  args?: string[];
}

/**
 * A temporary project: a copy of content/ (changed by `files`/`remove`) with the code linked in.
 * Tests that edit content work here, never in the repo.
 */
export function tempProject(options: Pick<BuildOptions, "files" | "remove" | "copy"> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "hoedoededa-"));
  for (const name of ["content", ...(options.copy ?? [])])
    cpSync(join(repoRoot, name), join(root, name), { recursive: true });
  for (const name of [
    ".eleventy.ts",
    "src",
    "layouts",
    "node_modules",
    "package.json",
    "netlify.toml",
    // The keep-cache build plugin and a private site's door (netlify/edge-functions/gate/).
    "netlify",
    "scripts",
    "tsconfig.json",
    "types",
  ]) {
    if (options.copy?.includes(name)) continue;
    try {
      symlinkSync(join(repoRoot, name), join(root, name));
    } catch {
      // Optional parts of the project (e.g. netlify.toml before it exists) are simply not linked.
    }
  }
  for (const file of options.remove ?? []) rmSync(join(root, "content", file), { force: true });
  for (const [file, text] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(root, "content", file)), { recursive: true });
    writeFileSync(join(root, "content", file), text);
  }
  return root;
}

/** Runs the production build (`npm run build`'s command) in `root` into a fresh output folder. */
export function build(root: string, options: BuildOptions = {}): BuildResult {
  const out = mkdtempSync(join(tmpdir(), "hoedoededa-site-"));
  const result = spawnSync(process.execPath, [launcher, "--quiet", `--output=${out}`, ...(options.args ?? [])], {
    cwd: root,
    encoding: "utf8",
    env: cleanEnv(options.env),
    timeout: 120_000,
  });
  return { root, out, status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Builds a temporary copy of the example site with `files` changed; throws if the build fails. */
export function buildSite(options: BuildOptions = {}): BuildResult {
  const result = build(tempProject(options), options);
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  return result;
}

/** Front-matter + body, for writing test posts. */
export function post(data: Record<string, unknown>, body = "Tekst van het bericht."): string {
  const yaml = Object.entries(data)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}\n`;
}

/**
 * The example's content/_data/site.yaml with comments switched on (placeholder ids: in tests
 * giscus.app is a local stand-in). Empty giscus settings leave comments out of production builds.
 */
export function siteYamlWithComments(): string {
  return readFileSync(join(repoRoot, "content/_data/site.yaml"), "utf8").replace(
    /\ngiscus:[\s\S]*$/,
    "\ngiscus:\n  repo: org/reacties\n  repoId: R_kgDOtest\n  category: Reacties\n  categoryId: DIC_kwDOtest\n",
  );
}
